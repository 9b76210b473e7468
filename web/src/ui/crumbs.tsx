import { For, type JSX } from "solid-js";

/**
 * The path of grids drilled down into (全部 › 一级 › 二级), each step a button back to it: the
 * dashboard's grid drill-down and the command map's. `onTop` returns to the top, `onStep(index)`
 * to the step at `index` (the last one is the current page).
 */
export function GridCrumbs(props: {
  label: string;
  top: string;
  path: readonly { name: string }[];
  onTop: () => void;
  onStep: (index: number) => void;
  class: string;
  separator: JSX.Element;
  testIDs?: { nav?: string; top?: string; step?: string };
}) {
  return (
    <nav class={props.class} aria-label={props.label} data-testid={props.testIDs?.nav}>
      <button
        type="button"
        class="crumb"
        data-testid={props.testIDs?.top}
        aria-current={props.path.length === 0 ? "page" : undefined}
        onClick={() => props.onTop()}
      >
        {props.top}
      </button>
      <For each={props.path}>
        {(step, index) => (
          <>
            {props.separator}
            <button
              type="button"
              class="crumb"
              data-testid={props.testIDs?.step}
              aria-current={index() === props.path.length - 1 ? "page" : undefined}
              onClick={() => props.onStep(index())}
            >
              {step.name}
            </button>
          </>
        )}
      </For>
    </nav>
  );
}
