/** Small labels for statuses and levels: always words, colour only as a second cue. */
import { label } from '../lib/labels';

export function Badge({ value, tone }: { value: string; tone?: string }) {
  return <span className={`badge ${tone ?? `badge-${value.toLowerCase().replace(/_/g, '-')}`}`}>{label(value)}</span>;
}

export function PriorityBadge({ level, score }: { level: string; score?: number }) {
  return (
    <span className={`badge priority-${level.toLowerCase()}`}>
      {label(level)}
      {score !== undefined ? <span className="visually-hidden">, score {score}</span> : null}
    </span>
  );
}

export function ProgressBar({ percent, label: text }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="progress">
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-label={text}>
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="progress-text">{value}%</span>
    </div>
  );
}
