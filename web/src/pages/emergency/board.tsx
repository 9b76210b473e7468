import { For, onCleanup, onMount } from "solid-js";
import { useEmergencyApi } from "../../data/emergency.ts";
import { createQuery } from "../../data/query.ts";
import { useEmergencyLocale } from "../../i18n/emergency.ts";
import { QueryView } from "../../ui/states.tsx";

/** How often an open board reads the round again. */
const BOARD_POLL_MS = 15_000;

/**
 * The live board of a round: the numbers, a bar, and a tile per grid coloured done or pending.
 * With `reveal` (the round was just picked from the list), it scrolls into view and takes focus,
 * so that on a phone the board does not open unseen below the list.
 */
export function Board(props: { taskID: string; changes: number; reveal?: boolean }) {
  const { t, formatNumber } = useEmergencyLocale();
  const api = useEmergencyApi();
  const board = createQuery(
    () => `${props.taskID}#${props.changes}`,
    () => api.board(props.taskID),
  );
  let section: HTMLElement | undefined;
  onMount(() => {
    if (props.reveal && section) {
      const still = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
      section.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
      section.focus({ preventScroll: true });
    }
    const timer = setInterval(() => board.reload(), BOARD_POLL_MS);
    onCleanup(() => clearInterval(timer));
  });
  return (
    <section ref={section} class="card emergency-board" aria-labelledby="emergency-board-title" data-testid="emergency-board" tabIndex={-1}>
      <QueryView query={board} lines={4}>
        {(data) => (
          <>
            <div class="emergency-section-head">
              <h2 class="section-title" id="emergency-board-title">
                {t("emergency.boardTitle")} · {data().task.title}
              </h2>
              <span class="field-hint">{t("emergency.boardLive")}</span>
            </div>
            <dl class="emergency-numbers">
              <div>
                <dt>{t("emergency.boardTotal")}</dt>
                <dd data-testid="board-total">{formatNumber(data().total)}</dd>
              </div>
              <div class="is-done">
                <dt>{t("emergency.boardDone")}</dt>
                <dd data-testid="board-done">{formatNumber(data().done)}</dd>
              </div>
              <div class="is-pending">
                <dt>{t("emergency.boardPending")}</dt>
                <dd data-testid="board-pending">{formatNumber(data().pending)}</dd>
              </div>
              <div>
                <dt>{t("emergency.boardPercentage")}</dt>
                <dd data-testid="board-percentage">{data().percentage}%</dd>
              </div>
            </dl>
            <div
              class="emergency-bar"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={data().percentage}
              aria-label={t("emergency.boardProgress", { done: data().done, total: data().total })}
            >
              <span style={{ width: `${data().percentage}%` }} />
            </div>
            <h3 class="subsection-title">{t("emergency.boardGrids")}</h3>
            <ul class="emergency-tiles">
              <For each={data().grids}>
                {(grid) => (
                  <li
                    class="emergency-tile"
                    classList={{ "is-done": grid.status === "done" }}
                    data-testid="board-grid"
                    data-status={grid.status}
                    title={grid.note ?? undefined}
                  >
                    <span class="emergency-tile-name">{grid.name}</span>
                    <span class="emergency-tile-meta">
                      <span class="emergency-code">{grid.code}</span> · {t(`emergency.status.${grid.status}`)}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </QueryView>
    </section>
  );
}
