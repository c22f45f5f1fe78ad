import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, type ErrorText } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import { ask } from '../../shared/messaging.ts';
import { LIMITS, type SettingsUpdate } from '../../shared/protocol.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Text } from '../../shared/ui/Text.tsx';
import { displayText } from '../../shared/ui/text.ts';

interface ProjectScopeProps {
  host: string | null;
  announce(text: string): void;
}

const SEARCH_DELAY_MS = 250;

interface ProjectOption {
  key: string;
  name: string;
}

/**
 * Which projects issue/review text search covers (Space has no global text search for them).
 * Empty = the worker's default: the user's starred and member projects, capped. Shown only with a working
 * connection (the list comes from Space); without one, Options shows `ScopeNeedsConnection` instead.
 */
export function ProjectScope({ host, announce }: ProjectScopeProps) {
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<ProjectOption[] | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestQuery = useRef('');

  useEffect(() => {
    void ask({ type: 'settings-get' }).then((answer) => {
      if (answer.ok) setChosen(answer.value.searchProjects);
      else setError(errorText(answer.error, { where: 'options', host }));
    });
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const save = async (next: string[]) => {
    const previous = chosen;
    setChosen(next);
    const settings: SettingsUpdate = { searchProjects: next };
    const answer = await ask({ type: 'settings-set', settings });
    if (answer.ok) {
      setChosen(answer.value.searchProjects);
      setError(null);
      announce(t('options_scopeSaved'));
    } else {
      setChosen(previous);
      setError(errorText(answer.error, { where: 'options', host }));
    }
  };

  const find = (text: string) => {
    setQuery(text);
    latestQuery.current = text;
    clearTimeout(timer.current);
    if (text.trim() === '') {
      setMatches(null);
      return;
    }
    timer.current = setTimeout(async () => {
      const answer = await ask({ type: 'projects', query: text.trim() });
      if (latestQuery.current !== text) return;
      if (!answer.ok) {
        setError(errorText(answer.error, { where: 'options', host }));
        return;
      }
      setError(null);
      setMatches(answer.value);
      // Screen readers hear how many projects were found (the list itself appears silently below the box).
      const count = answer.value.length;
      announce(count > 0 ? t('options_scopeFound', String(count)) : t('options_scopeNoMatches', text.trim()));
      setNames((known) => ({ ...known, ...Object.fromEntries(answer.value.map((p) => [p.key, p.name])) }));
    }, SEARCH_DELAY_MS);
  };

  const list = chosen ?? [];
  const full = list.length >= LIMITS.projects;
  const offered = (matches ?? []).filter((p) => !list.includes(p.key));

  return (
    <section class="panel" aria-labelledby="scope-heading">
      <h2 id="scope-heading">{t('options_scopeHeading')}</h2>
      <p>{t('options_scopeIntro')}</p>

      {list.length === 0 ? (
        <p data-testid="scope-default">{t('options_scopeDefault')}</p>
      ) : (
        <>
          <p>{t('options_scopeChosen')}</p>
          <ul class="chip-list" aria-label={t('options_chosenLabel')} data-testid="scope-chosen">
            {list.map((key) => (
              <li key={key} class="project-chip">
                <Text value={key} class="mono" />
                {names[key] && <span class="muted"> <Text value={names[key]} max={60} /></span>}
                <button type="button" class="remove" aria-label={t('options_scopeRemove', key)} title={t('options_scopeRemove', key)}
                  onClick={() => void save(list.filter((k) => k !== key))}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="link" onClick={() => void save([])}>{t('options_scopeReset')}</button>
        </>
      )}

      <div class="form-row">
        <label for="project-search">{t('options_scopeAddLabel')}</label>
        <input
          id="project-search"
          type="text"
          value={query}
          placeholder={t('options_scopePlaceholder')}
          maxLength={LIMITS.query}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="scope-limit"
          data-testid="project-search"
          onInput={(e) => find(e.currentTarget.value)}
        />
        <p id="scope-limit" class="help">
          {full ? t('options_scopeFull', String(LIMITS.projects)) : t('options_scopeLimit', String(LIMITS.projects))}
        </p>
      </div>

      {matches !== null && (
        offered.length > 0 ? (
          <ul class="suggestions" aria-label={t('options_suggestionsLabel')}>
            {offered.slice(0, 20).map((p) => (
              <li key={p.key}>
                <button type="button" disabled={full} aria-label={t('options_scopeAdd', `${p.key} ${displayText(p.name, 80)}`)} data-testid="project-suggestion"
                  onClick={() => void save([...list, p.key])}>
                  <Text value={p.key} class="mono" /> <Text value={p.name} max={80} />
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('options_scopeNoMatches', query.trim())}</p>
        )
      )}

      {error && <ErrorNotice text={error} testId="scope-error" role="alert" />}
    </section>
  );
}
