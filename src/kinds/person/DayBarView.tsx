import { t } from '../../shared/i18n.ts';
import type { DayBar } from './day-bar.ts';

interface DayBarViewProps {
  bar: DayBar;
  viewerZone: string;
}

const pct = (hours: number) => `${((hours / 24) * 100).toFixed(3)}%`;

/**
 * The viewer's day as a 24 h strip: their working windows highlighted, a marker at "now".
 * One image to assistive tech, described by the same ranges in words.
 */
export function DayBarView({ bar, viewerZone }: DayBarViewProps) {
  const clock = new Intl.DateTimeFormat(undefined, { timeZone: viewerZone, hour: 'numeric', minute: '2-digit' });
  const ranges = bar.segments.map((s) => `${clock.format(s.startMs)}–${clock.format(s.endMs)}`).join(', ');
  const label = ranges ? t('card_dayBarLabel', ranges) : t('card_dayBarNone');
  return (
    <div class="daybar" role="img" aria-label={label} title={label}>
      <div class="daybar-track">
        {bar.segments.map((s) => (
          <span key={s.startMs} class="daybar-work" style={{ left: pct(s.start), width: pct(s.end - s.start) }} />
        ))}
        {bar.ticks.map((tick) => <span key={tick.hour} class="daybar-tick" style={{ left: pct(tick.at) }} />)}
        <span class="daybar-now" style={{ left: pct(bar.now) }} />
      </div>
    </div>
  );
}
