/** A referral's history: every status change with who, when and the note. */
import { formatDateTime } from '../../lib/dates';
import { Badge } from '../../ui/badges';

export interface TimelineEvent {
  id: string;
  status: string;
  at: string;
  note: string | null;
  actor: { displayName: string } | null;
}

export function Timeline({ events, label }: { events: TimelineEvent[]; label: string }) {
  return (
    <ol className="timeline" aria-label={label}>
      {events.map((e) => (
        <li key={e.id}>
          <Badge value={e.status} />
          <span className="timeline-when">{formatDateTime(e.at)}</span>
          <span className="timeline-who">{e.actor ? e.actor.displayName : 'Caseflow (automatic)'}</span>
          {e.note ? <span className="timeline-note">“{e.note}”</span> : null}
        </li>
      ))}
    </ol>
  );
}
