import { createComputed, createSignal, on, type Accessor } from "solid-js";

export interface Query<T> {
  data: Accessor<T | undefined>;
  error: Accessor<unknown>;
  loading: Accessor<boolean>;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload: () => void;
}

type Source<S> = S | false | null | undefined;

/**
 * Loads `load(source)` whenever `source` changes to a value that is not `false`/`null`/
 * `undefined`, keeping only the newest answer. Plain signals: no Suspense, no transitions,
 * so each page decides what loading and failure look like.
 */
export function createQuery<S, T>(
  source: Accessor<Source<S>>,
  load: (source: S) => Promise<T>,
  options: { refresh?: Accessor<unknown> } = {},
): Query<T> {
  const [data, setData] = createSignal<T>();
  const [error, setError] = createSignal<unknown>();
  const [loading, setLoading] = createSignal(false);
  let generation = 0;

  function run(value: Source<S>, keep: boolean) {
    const current = ++generation;
    setError(undefined);
    if (!keep) setData(undefined);
    if (value === false || value === null || value === undefined) {
      setLoading(false);
      return;
    }
    setLoading(true);
    load(value).then(
      (result) => {
        if (current !== generation) return;
        setData(() => result);
        setLoading(false);
      },
      (failure: unknown) => {
        if (current !== generation) return;
        setError(() => failure ?? new Error("failed"));
        setLoading(false);
      },
    );
  }

  createComputed(on(source, (value) => run(value, false)));
  // `refresh` changing loads again in place (e.g. a district's configuration after a settings save).
  if (options.refresh) createComputed(on(options.refresh, () => run(source(), true), { defer: true }));
  return { data, error, loading, reload: () => run(source(), true) };
}
