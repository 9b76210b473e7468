import { createEffect, For, Match, onMount, Show, Switch } from "solid-js";
import { ROOT, type GridWorkspace } from "../data/grid-workspace.ts";
import type { Grid } from "../data/grids.ts";
import { useGridLocale } from "../i18n/grids.ts";
import { layerColour } from "./grid-style.ts";
import { ChevronRightIcon } from "./icons.tsx";
import { errorMessage } from "./errors.ts";

/** The grid tree: the first tier, each grid opening to its children (loaded when opened). */
export function GridTree(props: { workspace: GridWorkspace }) {
  const { t } = useGridLocale();
  const root = props.workspace.branch(ROOT);
  let list: HTMLDivElement | undefined;
  onMount(() => void props.workspace.loadChildren(ROOT));

  return (
    <div class="grid-tree" data-testid="grid-tree" ref={list}>
      <Switch>
        <Match when={root.state() === "error"}>
          <div class="tree-status is-error" role="alert">
            <span>{errorMessage(root.error(), t)}</span>
            <button type="button" class="button button-ghost button-small" onClick={() => void props.workspace.loadChildren(ROOT)}>
              {t("common.retry")}
            </button>
          </div>
        </Match>
        <Match when={root.state() !== "done"}>
          <div class="tree-skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">{t("common.loading")}</span>
            <For each={[68, 52, 74, 60, 48, 70]}>{(width) => <div class="skeleton" style={{ width: `${width}%` }} />}</For>
          </div>
        </Match>
        <Match when={root.items().length === 0}>
          <p class="tree-status">{t("grids.treeEmpty")}</p>
        </Match>
        <Match when={true}>
          <ul class="tree-list" aria-label={t("grids.treeLabel")}>
            <For each={root.items()}>{(grid) => <TreeNode grid={grid} depth={0} workspace={props.workspace} scroller={list} />}</For>
          </ul>
        </Match>
      </Switch>
    </div>
  );
}

/** Scrolls `element` into view inside `container` only (never the page itself). */
function scrollWithin(container: HTMLElement | undefined, element: HTMLElement) {
  if (!container || container.scrollHeight <= container.clientHeight) return;
  const box = container.getBoundingClientRect();
  const item = element.getBoundingClientRect();
  if (item.top < box.top) container.scrollTop -= box.top - item.top + 8;
  else if (item.bottom > box.bottom) container.scrollTop += item.bottom - box.bottom + 8;
}

function TreeNode(props: { grid: Grid; depth: number; workspace: GridWorkspace; scroller: HTMLElement | undefined }) {
  const { t, pick } = useGridLocale();
  const ws = props.workspace;
  const id = () => props.grid.gridID;
  const children = () => ws.branch(id());
  const open = () => ws.isExpanded(id());
  const dedicated = () => props.grid.tier === null;
  const leaf = () => dedicated() || (children().state() === "done" && children().items().length === 0);
  const selected = () => ws.selectedID() === id();
  const kind = () => ws.config.dedicatedKinds.find((candidate) => candidate.key === props.grid.dedicatedKind);
  let button: HTMLButtonElement | undefined;

  createEffect(() => {
    if (selected() && button) scrollWithin(props.scroller, button);
  });

  return (
    <li class="tree-item">
      <div class="tree-row" classList={{ "is-selected": selected() }} style={{ "--depth": props.depth }}>
        <Show when={!leaf()} fallback={<span class="tree-toggle-space" aria-hidden="true" />}>
          <button
            type="button"
            class="tree-toggle"
            classList={{ "is-open": open() }}
            aria-expanded={open()}
            aria-label={t(open() ? "grids.collapse" : "grids.expand", { name: `${props.grid.code} ${props.grid.name}` })}
            data-testid={`tree-toggle-${props.grid.code}`}
            onClick={() => ws.setExpanded(id(), !open())}
          >
            <ChevronRightIcon size={14} />
          </button>
        </Show>
        <button
          ref={button}
          type="button"
          class="tree-node"
          data-testid={`tree-node-${props.grid.code}`}
          aria-current={selected() ? "true" : undefined}
          onClick={() => ws.select(id(), "tree")}
        >
          <span class="tree-swatch" style={{ "--swatch": layerColour(props.grid.tier) }} aria-hidden="true" />
          <span class="tree-code">{props.grid.code}</span>
          <span class="tree-name">{props.grid.name}</span>
          <Show when={dedicated() && kind()}>{(found) => <span class="tree-kind">{pick(found())}</span>}</Show>
        </button>
      </div>
      <Show when={open() && !dedicated()}>
        <Switch>
          <Match when={children().state() === "error"}>
            <div class="tree-status is-error" style={{ "--depth": props.depth + 1 }} role="alert">
              <span>{t("grids.childrenFailed")}</span>
              <button type="button" class="button button-ghost button-small" onClick={() => void ws.loadChildren(id())}>
                {t("common.retry")}
              </button>
            </div>
          </Match>
          <Match when={children().state() !== "done"}>
            <p class="tree-status" style={{ "--depth": props.depth + 1 }} role="status">
              <span class="spinner" aria-hidden="true" />
              {t("common.loading")}
            </p>
          </Match>
          <Match when={children().items().length > 0}>
            <ul class="tree-list">
              <For each={children().items()}>
                {(child) => <TreeNode grid={child} depth={props.depth + 1} workspace={ws} scroller={props.scroller} />}
              </For>
            </ul>
          </Match>
        </Switch>
      </Show>
    </li>
  );
}

/** Search within the grids loaded so far (tree and map), by code or name. */
export function GridSearchResults(props: { workspace: GridWorkspace; query: string; onPicked?: () => void }) {
  const { t, pick, formatNumber } = useGridLocale();
  const limit = 60;
  const found = () => props.workspace.search(props.query, limit);
  const tierName = (grid: Grid) => {
    if (grid.tier === null) {
      const kind = props.workspace.config.dedicatedKinds.find((candidate) => candidate.key === grid.dedicatedKind);
      return kind ? pick(kind) : t("grids.dedicated");
    }
    const tier = props.workspace.config.tiers.find((candidate) => candidate.level === grid.tier);
    return tier ? pick(tier) : String(grid.tier);
  };
  return (
    <div class="search-results" data-testid="grid-search-results">
      <p class="search-count" role="status" aria-live="polite">
        {found().total
          ? t("grids.searchCount", { count: formatNumber(found().total) })
          : t("grids.searchEmpty", { query: props.query.trim() })}
      </p>
      <ul class="search-list">
        <For each={found().items}>
          {(grid) => (
            <li>
              <button
                type="button"
                class="search-item"
                classList={{ "is-selected": props.workspace.selectedID() === grid.gridID }}
                data-testid={`search-result-${grid.code}`}
                onClick={() => {
                  props.workspace.select(grid.gridID, "search");
                  props.onPicked?.();
                }}
              >
                <span class="tree-swatch" style={{ "--swatch": layerColour(grid.tier) }} aria-hidden="true" />
                <span class="search-item-text">
                  <span class="search-item-name">{grid.name}</span>
                  <span class="search-item-meta">
                    <code>{grid.code}</code> · {tierName(grid)}
                  </span>
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={found().total > limit}>
        <p class="search-more">{t("grids.searchMore", { count: limit })}</p>
      </Show>
    </div>
  );
}
