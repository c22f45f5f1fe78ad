import type { Ref } from 'preact';
import { Managed } from './Managed.tsx';

interface TextRowProps {
  id: string;
  label: string;
  help: string;
  testId: string;
  inputRef: Ref<HTMLInputElement>;
  type: 'url' | 'text' | 'password';
  value: string;
  maxLength: number;
  /** The form's error message, when this is the field at fault: marks it invalid and describes it. */
  errorId?: string | undefined;
  /** Set by the organization (managed storage): read-only, with a note of this id under it. */
  managedId?: string | undefined;
  /** The URL field's extras; other fields are plain text the browser must not complete or correct. */
  url?: { placeholder: string };
  onText(text: string): void;
}

/** One labelled text field of the connect form, with its help line. */
export function TextRow(props: TextRowProps) {
  const describedBy = [`${props.id}-help`, props.managedId, props.errorId].filter(Boolean).join(' ');
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
        readOnly={props.managedId !== undefined}
        maxLength={props.maxLength}
        spellcheck={false}
        aria-invalid={props.errorId !== undefined}
        aria-describedby={describedBy}
        data-testid={props.testId}
        onInput={(e) => props.onText(e.currentTarget.value)}
      />
      {props.managedId !== undefined && <Managed id={props.managedId} />}
      <p id={`${props.id}-help`} class="help">{props.help}</p>
    </div>
  );
}
