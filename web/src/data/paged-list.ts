import { createComputed, createSignal, on, type Accessor } from "solid-js";
import type { Page } from "./types.ts";

export interface PagedList<T> {
  items: Accessor<T[]>;
  setItems: (update: (items: T[]) => T[]) => void;
  loaded: Accessor<boolean>;
  loading: Accessor<boolean>;
  error: Accessor<unknown>;
  hasMore: Accessor<boolean>;
  more: () => void;
  reload: () => void;
}

/**
 * A cursor-paged list, loaded from the start whenever `source` changes; `more` appends the next page.
 * With `keep`, the items stay on screen while a new source loads (a write reloading the list).
 */
export function createPagedList<T, S>(
  source: Accessor<S>,
  load: (source: S, cursor: string | null) => Promise<Page<T>>,
  options: { keep?: boolean } = {},
): PagedList<T> {
  const [items, setItems] = createSignal<T[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loaded, setLoaded] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  let generation = 0;
  function fetch(from: string | null) {
    const current = ++generation;
    setLoading(true);
    setError(undefined);
    load(source(), from).then(
      (page) => {
        if (current !== generation) return;
        setItems((list) => (from ? [...list, ...page.items] : page.items));
        setCursor(page.cursor);
        setLoaded(true);
        setLoading(false);
      },
      (failure: unknown) => {
        if (current !== generation) return;
        setError(() => failure ?? new Error("failed"));
        setLoading(false);
      },
    );
  }
  createComputed(
    on(source, () => {
      if (!options.keep) {
        setLoaded(false);
        setItems([]);
      }
      fetch(null);
    }),
  );
  return {
    items,
    setItems: (update) => setItems(update),
    loaded,
    loading,
    error,
    hasMore: () => Boolean(cursor()),
    more: () => fetch(cursor()),
    reload: () => fetch(null),
  };
}
