import type { ComponentChildren, Ref } from 'preact';

interface TextRowProps {
  id: string;
  label: string;
  help: string;
  testId: string;
  inputRef: Ref<HTMLInputElement>;
  type: 'url' | 'text' | 'password';
  value: string;
  maxLength: number;
  invalid: boolean;
  /** Ids of what describes the field: its help, the error when it is the field at fault, a managed note. */
  describedBy: string;
  /** Set by the organization (managed storage): read-only, with this note under it. */
  managedNote?: ComponentChildren;
  /** The URL field's extras; other fields are plain text the browser must not complete or correct. */
  url?: { placeholder: string };
  onText(text: string): void;
}

/** One labelled text field of the connect form, with its help line. */
export function TextRow(props: TextRowProps) {
  const locked = props.managedNote !== undefined;
  return (
    <div class="form-row">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        // Preact's input typings are a union keyed by one literal `type`; ours is one of three, none with a role.
        type={props.type as 'text'}
        {...(props.url ? { inputMode: 'url', placeholder: props.url.placeholder, autocomplete: 'url' } : { autocomplete: 'off', autoCapitalize: 'off' })}
        value={props.value}
        readOnly={locked}
        maxLength={props.maxLength}
        spellcheck={false}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
        onInput={(e) => props.onText(e.currentTarget.value)}
      />
      {props.managedNote}
      <p id={`${props.id}-help`} class="help">{props.help}</p>
    </div>
  );
}
