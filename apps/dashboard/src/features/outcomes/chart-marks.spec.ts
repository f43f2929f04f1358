import { FEWER_THAN_11, barMark, heatMark, scaleTop } from './chart-marks';

function contrastOf(background: string, color: string): number {
  const rgb = (css: string) =>
    css.startsWith('#') ? [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) : (css.match(/\d+/g) ?? []).map(Number);
  const lum = (c: number[]) =>
    c
      .map((v) => v / 255)
      .map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [a, b] = [lum(rgb(background)), lum(rgb(color))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

const at = { x: 10, width: 20, base: 200, plot: 100, top: 40 };

describe('the marks of the outcome charts', () => {
  it('draws a suppressed figure as no bar, labelled "fewer than 11", whatever value came with it', () => {
    expect(barMark({ value: null, suppressed: true }, at)).toEqual({ kind: 'suppressed', note: 'fewer than 11' });
    expect(barMark({ value: 7, suppressed: true }, at)).toEqual({ kind: 'suppressed', note: FEWER_THAN_11 });
  });

  it('draws a shown figure as a bar of its share of the scale, from the axis up', () => {
    expect(barMark({ value: 20, suppressed: false }, at)).toEqual({ kind: 'bar', x: 10, y: 150, width: 20, height: 50 });
    expect(barMark({ value: 40, suppressed: false }, at)).toEqual({ kind: 'bar', x: 10, y: 100, width: 20, height: 100 });
    // Zero is a hairline on the axis, so that it reads as a count of nobody rather than a gap.
    expect(barMark({ value: 0, suppressed: false }, at)).toEqual({ kind: 'bar', x: 10, y: 199, width: 20, height: 1 });
  });

  it('draws nothing, and says "none", where there is nothing to count', () => {
    expect(barMark({ value: null, suppressed: false }, at)).toEqual({ kind: 'none' });
  });

  it('scales on shown figures only: a suppressed one is unknown, not zero and not large', () => {
    expect(
      scaleTop([
        { value: 12, suppressed: false },
        { value: 99, suppressed: true },
        { value: null, suppressed: true },
      ]),
    ).toBe(12);
    expect(scaleTop([{ value: null, suppressed: true }])).toBe(1);
    expect(scaleTop([])).toBe(1);
  });

  it('leaves a suppressed heat-map cell unshaded, labelled "fewer than 11"', () => {
    expect(heatMark({ value: null, suppressed: true }, 30)).toEqual({ kind: 'suppressed', note: 'fewer than 11' });
    expect(heatMark({ value: 5, suppressed: true }, 30)).toEqual({ kind: 'suppressed', note: 'fewer than 11' });
  });

  it('shades a shown heat-map cell by its size, with text that reads on it', () => {
    const most = heatMark({ value: 30, suppressed: false }, 30);
    expect(most).toEqual({ kind: 'heat', value: 30, background: 'rgb(31, 95, 174)', color: '#ffffff' });
    const some = heatMark({ value: 12, suppressed: false }, 30);
    expect(some).toMatchObject({ kind: 'heat', value: 12, color: '#1d2330' });
    // Every shade leaves its text at 4.5:1 or more (WCAG AA for small text).
    for (let v = 0; v <= 30; v += 1) {
      const mark = heatMark({ value: v, suppressed: false }, 30);
      if (mark.kind !== 'heat') throw new Error('a shown count is shaded');
      expect(contrastOf(mark.background, mark.color)).toBeGreaterThanOrEqual(4.5);
    }
    const none = heatMark(null, 30);
    expect(none).toEqual({ kind: 'heat', value: 0, background: 'rgb(246, 249, 252)', color: '#1d2330' });
  });
});
