import { For } from 'solid-js';
import './controls.css';

export interface SegmentedOption<Value extends string> {
  value: Value;
  label: string;
  /** Full name for assistive technology when the visible label is short ("FR"). */
  accessibleLabel?: string;
}

/** A small group of toggle buttons, one of them pressed. */
export function SegmentedControl<Value extends string>(props: {
  label: string;
  options: SegmentedOption<Value>[];
  value: Value;
  onChange: (value: Value) => void;
}) {
  return (
    <div class="segmented" role="group" aria-label={props.label}>
      <For each={props.options}>
        {(option) => (
          <button
            type="button"
            aria-pressed={option.value === props.value}
            aria-label={option.accessibleLabel}
            onClick={() => props.onChange(option.value)}
          >
            {option.label}
          </button>
        )}
      </For>
    </div>
  );
}
