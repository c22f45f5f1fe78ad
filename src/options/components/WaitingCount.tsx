import { useEffect, useState } from 'preact/hooks';
import { errorText, type ErrorText } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import { ask } from '../../shared/messaging.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

interface WaitingCountProps {
  host: string | null;
  announce(text: string): void;
}

/**
 * The opt-in count on the toolbar button (issue 14 item 4), off by default: when on, the worker refreshes how many
 * code reviews wait for the user every 5 minutes (the `alarms` permission, README) and the badge shows it. Saved
 * on change; the switch shows what the worker stored, and goes back if it could not be saved.
 */
export function WaitingCount({ host, announce }: WaitingCountProps) {
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);

  useEffect(() => {
    void ask({ type: 'settings-get' }).then((answer) => {
      if (answer.ok) setOn(answer.value.showWaitingCount);
      else setError(errorText(answer.error, { where: 'options', host }));
    });
  }, []);

  const save = async (next: boolean) => {
    const previous = on;
    setOn(next);
    const answer = await ask({ type: 'settings-set', settings: { showWaitingCount: next } });
    if (answer.ok) {
      setOn(answer.value.showWaitingCount);
      setError(null);
      announce(t(answer.value.showWaitingCount ? 'options_waitingCountOn' : 'options_waitingCountOff'));
    } else {
      setOn(previous);
      setError(errorText(answer.error, { where: 'options', host }));
    }
  };

  return (
    <section class="panel" aria-labelledby="count-heading">
      <h2 id="count-heading">{t('options_waitingCountHeading')}</h2>
      <div class="form-row check">
        <input
          id="waiting-count"
          type="checkbox"
          role="switch"
          checked={on === true}
          disabled={on === null}
          aria-describedby="waiting-count-help"
          data-testid="waiting-count"
          onChange={(e) => void save(e.currentTarget.checked)}
        />
        <label for="waiting-count">{t('options_waitingCount')}</label>
        <p id="waiting-count-help" class="help">{t('options_waitingCountHelp')}</p>
      </div>
      {error && <ErrorNotice text={error} testId="waiting-count-error" role="alert" />}
    </section>
  );
}
