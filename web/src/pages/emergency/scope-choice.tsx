import { For, Show } from "solid-js";
import { useEmergencyApi } from "../../data/emergency.ts";
import { useEmergencyLocale } from "../../i18n/emergency.ts";
import { useDistrict } from "../../providers/district.tsx";
import { GridPicker, type GridChoice } from "../../ui/grid-picker.tsx";

/**
 * Where an emergency measure applies (范围): one radio a scope (`<name>-<scope>`) and, for the scope that
 * names grids, the grid picker and its error; for the other, `otherHint` when given.
 */
export function ScopeChoice<S extends string>(props: {
  name: string;
  legend: string;
  scopes: readonly S[];
  scopeLabel: (scope: S) => string;
  /** The scope that names its grids. */
  gridScope: S;
  scope: S;
  onScope: (scope: S) => void;
  grids: GridChoice[];
  onGrids: (grids: GridChoice[]) => void;
  gridsMissing?: boolean;
  pickerTestID: string;
  otherHint?: string;
}) {
  const { t } = useEmergencyLocale();
  const api = useEmergencyApi();
  const { config } = useDistrict();
  return (
    <>
      <fieldset class="emergency-radios">
        <legend class="field-label">{props.legend}</legend>
        <For each={props.scopes}>
          {(option) => (
            <label class="emergency-radio">
              <input
                type="radio"
                name={props.name}
                value={option}
                checked={props.scope === option}
                data-testid={`${props.name}-${option}`}
                onChange={() => props.onScope(option)}
              />
              <span>{props.scopeLabel(option)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={props.scope === props.gridScope} fallback={props.otherHint && <p class="field-hint">{props.otherHint}</p>}>
        <GridPicker
          tiers={config.tiers}
          load={(tier) => api.gridsOfTier(tier)}
          chosen={props.grids}
          onChange={props.onGrids}
          invalid={Boolean(props.gridsMissing)}
          testID={props.pickerTestID}
        />
        <Show when={props.gridsMissing}>
          <p class="field-error">{t("emergency.gridsRequired")}</p>
        </Show>
      </Show>
    </>
  );
}
