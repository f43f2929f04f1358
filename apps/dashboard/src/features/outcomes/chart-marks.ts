/**
 * What each outcome chart draws for a figure, worked out without React or the
 * DOM. A suppressed figure has no value: it is drawn as nothing at all (no
 * bar, no shaded cell) and labelled "fewer than 11" instead, so that no chart
 * suggests a size the figure was withheld to hide.
 */

/** The words shown, and read out, where a figure is suppressed. */
export const FEWER_THAN_11 = 'fewer than 11';

export interface Figure {
  value: number | null;
  suppressed: boolean;
}

/** A bar to draw, the label of a suppressed figure, or "none" (nothing to count). */
export type BarMark =
  | { kind: 'bar'; x: number; y: number; width: number; height: number }
  | { kind: 'suppressed'; note: typeof FEWER_THAN_11 }
  | { kind: 'none' };

/**
 * The mark of one bar: `x` and `width` place it; `scale` turns a value into
 * a height out of `plot` (the drawing area's height, its bottom at `base`).
 */
export function barMark(figure: Figure, at: { x: number; width: number; base: number; plot: number; top: number }): BarMark {
  if (figure.suppressed) return { kind: 'suppressed', note: FEWER_THAN_11 };
  if (figure.value === null) return { kind: 'none' };
  const height = Math.max(1, (Math.max(0, figure.value) / Math.max(at.top, Number.EPSILON)) * at.plot);
  return { kind: 'bar', x: at.x, y: at.base - height, width: at.width, height };
}

/** The largest shown value (suppressed ones are unknown and do not count), at least 1. */
export function scaleTop(figures: Figure[]): number {
  return Math.max(1, ...figures.filter((f) => !f.suppressed).map((f) => f.value ?? 0));
}

/** A heat-map cell: shaded by its share of the largest value, or the label of a suppressed figure. */
export type HeatMark =
  { kind: 'heat'; value: number; background: string; color: string } | { kind: 'suppressed'; note: typeof FEWER_THAN_11 };

const PRIMARY: [number, number, number] = [0x1f, 0x5f, 0xae];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];
const DARK = '#1d2330';

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const DARK_LUMINANCE = luminance([0x1d, 0x23, 0x30]);

function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * A cell's mark. A shown count is shaded from almost white (0) to the
 * primary blue (the largest), with dark or white text, whichever reads better.
 */
export function heatMark(figure: Figure | null, top: number): HeatMark {
  if (figure?.suppressed) return { kind: 'suppressed', note: FEWER_THAN_11 };
  const value = figure?.value ?? 0;
  let share = value > 0 ? 0.15 + 0.85 * Math.min(1, value / Math.max(top, 1)) : 0.04;
  // Mid shades where neither dark nor white text reaches 4.5:1 are darkened until white text does.
  for (;;) {
    const mixed = PRIMARY.map((c, i) => Math.round(WHITE[i] + (c - WHITE[i]) * share)) as [number, number, number];
    const bg = luminance(mixed);
    const dark = contrast(bg, DARK_LUMINANCE);
    const white = contrast(bg, 1);
    if (Math.max(dark, white) >= 4.5 || share >= 1)
      return { kind: 'heat', value, background: `rgb(${mixed.join(', ')})`, color: dark >= white ? DARK : '#ffffff' };
    share = Math.min(1, share + 0.01);
  }
}
