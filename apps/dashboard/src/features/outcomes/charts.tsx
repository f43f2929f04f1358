/**
 * The outcome charts. A suppressed figure is drawn as no value — no bar, no
 * shaded cell — and labelled "fewer than 11" (see chart-marks.ts): its value
 * is unknown by design, and a shape of any size would suggest one. Each chart
 * is an image whose name says which figures are suppressed; the table beside
 * it carries every number.
 */
import { type ReactNode, useId } from 'react';
import { FEWER_THAN_11, barMark, heatMark, scaleTop } from './chart-marks';

export interface Bar {
  label: string;
  value: number | null;
  suppressed: boolean;
  text: string;
}

const W = 720;
const H = 260;
const PAD = { top: 16, right: 12, bottom: 48, left: 48 };

function safeId(raw: string): string {
  return `c${raw.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/** "; suppressed (fewer than 11): A, B." for a chart's accessible name, or "" when none is. */
export function suppressedNote(names: string[]): string {
  return names.length ? ` Suppressed, ${FEWER_THAN_11}: ${names.join(', ')}.` : '';
}

/** A chart keeps a readable size: on a narrow window it scrolls sideways in its frame rather than shrinking. */
function ChartFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="chart-frame" role="region" aria-label={`${title} (scrolls sideways)`} tabIndex={0}>
      {children}
    </div>
  );
}

/** The words "fewer than 11" standing upright from the axis where a bar would be. */
function SuppressedNote({ cx, base }: { cx: number; base: number }) {
  return (
    <text x={cx} y={base - 6} textAnchor="start" dominantBaseline="middle" className="bar-note" transform={`rotate(-90 ${cx} ${base - 6})`}>
      {FEWER_THAN_11}
    </text>
  );
}

/** Vertical bars, one per category; `max` fixes the scale (e.g. 1 for rates). */
export function BarChart({
  title,
  description,
  bars,
  max,
  format,
}: {
  title: string;
  description: string;
  bars: Bar[];
  max?: number;
  format(v: number): string;
}) {
  const id = safeId(useId());
  const top = max ?? scaleTop(bars);
  const inner = { w: W - PAD.left - PAD.right, h: H - PAD.top - PAD.bottom };
  const base = PAD.top + inner.h;
  const slot = inner.w / Math.max(1, bars.length);
  const barW = Math.min(44, slot * 0.7);
  const y = (v: number) => base - (v / top) * inner.h;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * top);
  const hidden = bars.filter((b) => b.suppressed).map((b) => b.label);
  return (
    <ChartFrame title={title}>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{`${description}${suppressedNote(hidden)}`}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="gridline" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="axis">
              {format(t)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const cx = x + barW / 2;
          const mark = barMark(b, { x, width: barW, base, plot: inner.h, top });
          return (
            <g
              key={b.label}
              data-mark={mark.kind}
              data-label={b.label}
              className={mark.kind === 'suppressed' ? 'suppressed-bar' : undefined}
            >
              <title>{`${b.label}: ${mark.kind === 'suppressed' ? FEWER_THAN_11 : mark.kind === 'none' ? 'none' : b.text}`}</title>
              {mark.kind === 'suppressed' ? (
                <SuppressedNote cx={cx} base={base} />
              ) : mark.kind === 'none' ? (
                <text x={cx} y={base - 4} textAnchor="middle" className="bar-note">
                  none
                </text>
              ) : (
                <>
                  <rect x={mark.x} y={mark.y} width={mark.width} height={mark.height} className="bar" />
                  <text x={cx} y={mark.y - 4} textAnchor="middle" className="bar-value">
                    {b.text}
                  </text>
                </>
              )}
              <text x={cx} y={H - PAD.bottom + 16} textAnchor="middle" className="axis">
                {b.label.split(' ').map((part, k) => (
                  <tspan key={part} x={cx} dy={k ? 14 : 0}>
                    {part}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}

export interface Group {
  label: string;
  bars: Array<Bar & { series: string }>;
}

/** Bars side by side per group (e.g. goals set and achieved, per term), with a legend. */
export function GroupedBarChart({
  title,
  description,
  groups,
  series,
}: {
  title: string;
  description: string;
  groups: Group[];
  series: string[];
}) {
  const id = safeId(useId());
  const top = scaleTop(groups.flatMap((g) => g.bars));
  const inner = { w: W - PAD.left - PAD.right, h: H - PAD.top - PAD.bottom };
  const base = PAD.top + inner.h;
  const slot = inner.w / Math.max(1, groups.length);
  const barW = Math.min(56, (slot * 0.7) / Math.max(1, series.length));
  const hidden = groups.flatMap((g) => g.bars.filter((b) => b.suppressed).map((b) => `${g.label} ${b.series.toLowerCase()}`));
  return (
    <ChartFrame title={title}>
      <svg className="chart" viewBox={`0 0 ${W} ${H + 24}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{`${description}${suppressedNote(hidden)}`}</desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={base} y2={base} className="gridline" />
        {groups.map((g, gi) => {
          const start = PAD.left + gi * slot + (slot - barW * series.length) / 2;
          return (
            <g key={g.label}>
              {g.bars.map((b, bi) => {
                const x = start + bi * barW;
                const cx = x + barW / 2;
                const mark = barMark(b, { x: x + 2, width: barW - 4, base, plot: inner.h, top });
                const name = `${g.label}, ${b.series.toLowerCase()}`;
                return (
                  <g
                    key={b.series}
                    data-mark={mark.kind}
                    data-label={name}
                    className={mark.kind === 'suppressed' ? 'suppressed-bar' : undefined}
                  >
                    <title>{`${name}: ${mark.kind === 'suppressed' ? FEWER_THAN_11 : mark.kind === 'none' ? 'none' : b.text}`}</title>
                    {mark.kind === 'suppressed' ? (
                      <SuppressedNote cx={cx} base={base} />
                    ) : mark.kind === 'none' ? (
                      <text x={cx} y={base - 4} textAnchor="middle" className="bar-note">
                        none
                      </text>
                    ) : (
                      <>
                        <rect x={mark.x} y={mark.y} width={mark.width} height={mark.height} className={`bar series-${bi}`} />
                        <text x={cx} y={mark.y - 4} textAnchor="middle" className="bar-value">
                          {b.text}
                        </text>
                      </>
                    )}
                  </g>
                );
              })}
              <text x={PAD.left + gi * slot + slot / 2} y={H - PAD.bottom + 16} textAnchor="middle" className="axis">
                {g.label}
              </text>
            </g>
          );
        })}
        {series.map((s, i) => (
          <g key={s} transform={`translate(${PAD.left + i * 160}, ${H + 4})`}>
            <rect width="12" height="12" className={`bar series-${i}`} />
            <text x="18" y="11" className="axis" textAnchor="start">
              {s}
            </text>
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}

export interface HeatRow {
  label: string;
  cells: Array<{ value: number | null; suppressed: boolean } | null>;
}

/**
 * A grid of counts (rows × columns), each cell shaded by its size; a
 * suppressed cell is left unshaded and reads "fewer than 11". Laid out in
 * HTML, not SVG, so that a row's label wraps in its column instead of being
 * cut off; the grid scrolls sideways in its frame when the window is narrow,
 * the labels staying in view.
 */
export function Heatmap({ title, description, columns, rows }: { title: string; description: string; columns: string[]; rows: HeatRow[] }) {
  const id = safeId(useId());
  const top = scaleTop(rows.flatMap((r) => r.cells.flatMap((c) => (c ? [c] : []))));
  const hidden = rows.flatMap((r) => r.cells.flatMap((c, ci) => (c?.suppressed ? [`${r.label}, ${columns[ci]}`] : [])));
  return (
    <div className="heatmap-frame" role="region" aria-label={`${title} (scrolls sideways)`} tabIndex={0}>
      <div
        className="heatmap"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        style={{ gridTemplateColumns: `minmax(7rem, 15rem) repeat(${Math.max(1, columns.length)}, minmax(3.5rem, 1fr))` }}
      >
        <span id={`${id}-t`} className="visually-hidden">
          {title}
        </span>
        <span id={`${id}-d`} className="visually-hidden">{`${description}${suppressedNote(hidden)}`}</span>
        <span className="heat-corner" aria-hidden="true" />
        {columns.map((c, ci) => (
          <span key={`${c}-${ci}`} className="heat-column" aria-hidden="true">
            {c}
          </span>
        ))}
        {rows.map((r) => (
          <div key={r.label} className="heat-row" aria-hidden="true">
            <span className="heat-label">{r.label}</span>
            {r.cells.map((c, ci) => {
              const mark = heatMark(c, top);
              const where = `${r.label}, ${columns[ci]}`;
              return mark.kind === 'suppressed' ? (
                <span key={ci} className="heat-cell suppressed-cell" data-mark="suppressed" title={`${where}: ${FEWER_THAN_11}`}>
                  {FEWER_THAN_11}
                </span>
              ) : (
                <span
                  key={ci}
                  className="heat-cell"
                  data-mark="heat"
                  title={`${where}: ${mark.value}`}
                  style={{ background: mark.background, color: mark.color }}
                >
                  {mark.value || ''}
                </span>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
