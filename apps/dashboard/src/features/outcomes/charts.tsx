/**
 * Small SVG charts for the outcome figures. A suppressed cell is drawn as a
 * hatched outline with the word "suppressed", never as a bar of some height:
 * its value is unknown by design. Each chart is an image with a text
 * description; the table beside it carries every number.
 */
import { useId } from 'react';

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

function Hatch({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <line x1="0" y1="0" x2="0" y2="6" stroke="#6b6f76" strokeWidth="2" />
    </pattern>
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
  const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  const inner = { w: W - PAD.left - PAD.right, h: H - PAD.top - PAD.bottom };
  const slot = inner.w / Math.max(1, bars.length);
  const barW = Math.min(44, slot * 0.7);
  const y = (v: number) => PAD.top + inner.h - (v / top) * inner.h;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * top);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <defs>
        <Hatch id={`${id}-hatch`} />
      </defs>
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
        return (
          <g key={b.label}>
            {b.suppressed ? (
              <>
                <rect
                  x={x}
                  y={PAD.top + inner.h * 0.4}
                  width={barW}
                  height={inner.h * 0.6}
                  fill={`url(#${id}-hatch)`}
                  className="suppressed-bar"
                />
                <text
                  x={cx}
                  y={PAD.top + inner.h * 0.4 - 6}
                  textAnchor="start"
                  className="bar-note"
                  transform={`rotate(-90 ${cx} ${PAD.top + inner.h * 0.4 - 6})`}
                >
                  suppressed
                </text>
              </>
            ) : b.value === null ? (
              <text x={cx} y={PAD.top + inner.h - 4} textAnchor="middle" className="bar-note">
                none
              </text>
            ) : (
              <>
                <rect x={x} y={y(b.value)} width={barW} height={Math.max(1, PAD.top + inner.h - y(b.value))} className="bar" />
                <text x={cx} y={y(b.value) - 4} textAnchor="middle" className="bar-value">
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
  const top = Math.max(1, ...groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)));
  const inner = { w: W - PAD.left - PAD.right, h: H - PAD.top - PAD.bottom };
  const slot = inner.w / Math.max(1, groups.length);
  const barW = Math.min(56, (slot * 0.7) / Math.max(1, series.length));
  const y = (v: number) => PAD.top + inner.h - (v / top) * inner.h;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H + 24}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <defs>
        <Hatch id={`${id}-hatch`} />
      </defs>
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="gridline" />
      {groups.map((g, gi) => {
        const start = PAD.left + gi * slot + (slot - barW * series.length) / 2;
        return (
          <g key={g.label}>
            {g.bars.map((b, bi) => {
              const x = start + bi * barW;
              const cx = x + barW / 2;
              return b.suppressed ? (
                <g key={b.series}>
                  <rect
                    x={x + 2}
                    y={PAD.top + inner.h * 0.55}
                    width={barW - 4}
                    height={inner.h * 0.45}
                    fill={`url(#${id}-hatch)`}
                    className="suppressed-bar"
                  />
                  <text x={cx} y={PAD.top + inner.h * 0.5} textAnchor="middle" className="bar-note">
                    suppr.
                  </text>
                </g>
              ) : (
                <g key={b.series}>
                  <rect
                    x={x + 2}
                    y={y(b.value ?? 0)}
                    width={barW - 4}
                    height={Math.max(1, PAD.top + inner.h - y(b.value ?? 0))}
                    className={`bar series-${bi}`}
                  />
                  <text x={cx} y={y(b.value ?? 0) - 4} textAnchor="middle" className="bar-value">
                    {b.text}
                  </text>
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
  );
}

/** A grid of counts (rows × columns), shaded by size; suppressed cells hatched. */
export function Heatmap({
  title,
  description,
  columns,
  rows,
}: {
  title: string;
  description: string;
  columns: string[];
  rows: Array<{ label: string; cells: Array<{ value: number | null; suppressed: boolean } | null> }>;
}) {
  const id = safeId(useId());
  const left = 150;
  const cell = Math.max(24, Math.min(48, (W - left - 8) / Math.max(1, columns.length)));
  const rowH = 26;
  const height = 40 + rows.length * rowH;
  const top = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c?.value ?? 0)));
  return (
    <svg className="chart" viewBox={`0 0 ${left + cell * columns.length + 8} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <defs>
        <Hatch id={`${id}-hatch`} />
      </defs>
      {columns.map((c, ci) => (
        <text key={c} x={left + ci * cell + cell / 2} y={28} textAnchor="middle" className="axis small-axis">
          {c}
        </text>
      ))}
      {rows.map((r, ri) => (
        <g key={r.label}>
          <text x={left - 8} y={40 + ri * rowH + rowH / 2 + 4} textAnchor="end" className="axis">
            {r.label}
          </text>
          {r.cells.map((c, ci) => {
            const x = left + ci * cell + 1;
            const yy = 40 + ri * rowH + 1;
            if (c?.suppressed)
              return (
                <rect key={ci} x={x} y={yy} width={cell - 2} height={rowH - 2} fill={`url(#${id}-hatch)`} className="suppressed-cell" />
              );
            const v = c?.value ?? 0;
            return (
              <g key={ci}>
                <rect
                  x={x}
                  y={yy}
                  width={cell - 2}
                  height={rowH - 2}
                  className="heat"
                  style={{ fillOpacity: v ? 0.15 + 0.85 * (v / top) : 0.04 }}
                />
                {v ? (
                  <text
                    x={x + (cell - 2) / 2}
                    y={yy + rowH / 2 + 3}
                    textAnchor="middle"
                    className={v / top > 0.55 ? 'heat-text inverse' : 'heat-text'}
                  >
                    {v}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
