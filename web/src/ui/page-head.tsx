import { Show, type JSX } from "solid-js";

/** A page's title (its one h1) and subtitle, and what stands beside them (actions, a period). */
export function PageHead(props: { title: string; subtitle?: string; class?: string; children?: JSX.Element }) {
  return (
    <div class={props.class ? `page-head ${props.class}` : "page-head"}>
      <div>
        <h1 class="page-title">{props.title}</h1>
        <Show when={props.subtitle}>
          <p class="page-subtitle">{props.subtitle}</p>
        </Show>
      </div>
      {props.children}
    </div>
  );
}
