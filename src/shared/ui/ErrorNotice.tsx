import type { ComponentChildren } from 'preact';
import type { ErrorText } from '../error-text.ts';

interface ErrorNoticeProps {
  text: ErrorText;
  testId?: string;
  /** `alert` for a failure of what the user just did (announced at once). */
  role?: 'alert';
  /** Buttons offered with the message (open options, retry…). */
  children?: ComponentChildren;
}

/** A failure with its fix. */
export function ErrorNotice({ text, testId = 'error', role, children }: ErrorNoticeProps) {
  return (
    <div class="notice error" data-testid={testId} role={role}>
      <strong>{text.title}</strong>
      {text.fix && <p>{text.fix}</p>}
      {children && <p>{children}</p>}
    </div>
  );
}
