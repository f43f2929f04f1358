import { render, screen } from '@testing-library/react';
import { BarChart, GroupedBarChart, Heatmap } from './charts';

describe('the outcome charts', () => {
  it('a bar chart draws no bar for a suppressed month, and labels it "fewer than 11" on the chart and in its name', () => {
    render(
      <BarChart
        title="Completion rate"
        description="By month."
        max={1}
        format={(v) => `${v * 100}%`}
        bars={[
          { label: 'May 2026', value: 0.5, suppressed: false, text: '50%' },
          { label: 'June 2026', value: null, suppressed: true, text: 'suppressed' },
          { label: 'July 2026', value: null, suppressed: false, text: '—' },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: /Completion rate/ });
    expect(chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Completion rate By month. Suppressed, fewer than 11: June 2026.' })).toBe(chart);
    const june = chart.querySelector('[data-label="June 2026"]') as SVGGElement;
    expect(june.getAttribute('data-mark')).toBe('suppressed');
    expect(june.querySelectorAll('rect')).toHaveLength(0);
    expect(june.textContent).toContain('fewer than 11');
    expect(june.querySelector('title')?.textContent).toBe('June 2026: fewer than 11');
    const may = chart.querySelector('[data-label="May 2026"]') as SVGGElement;
    expect(may.querySelectorAll('rect.bar')).toHaveLength(1);
    expect(may.querySelector('rect')?.getAttribute('height')).toBe(String(196 / 2));
    const july = chart.querySelector('[data-label="July 2026"]') as SVGGElement;
    expect(july.querySelectorAll('rect')).toHaveLength(0);
    expect(july.textContent).toContain('none');
    expect(chart.querySelectorAll('rect')).toHaveLength(1);
  });

  it('a grouped bar chart draws no bar for a suppressed count, labelled "fewer than 11", and scales on shown counts', () => {
    render(
      <GroupedBarChart
        title="Goals"
        description="By term."
        series={['Goals set', 'Goals achieved']}
        groups={[
          {
            label: 'Long term',
            bars: [
              { series: 'Goals set', label: 'set', value: 15, suppressed: false, text: '15' },
              { series: 'Goals achieved', label: 'achieved', value: null, suppressed: true, text: 'suppressed' },
            ],
          },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Goals By term. Suppressed, fewer than 11: Long term goals achieved.' });
    const achieved = chart.querySelector('[data-label="Long term, goals achieved"]') as SVGGElement;
    expect(achieved.getAttribute('data-mark')).toBe('suppressed');
    expect(achieved.querySelectorAll('rect')).toHaveLength(0);
    expect(achieved.textContent).toBe('Long term, goals achieved: fewer than 11fewer than 11');
    const set = chart.querySelector('[data-label="Long term, goals set"]') as SVGGElement;
    // The only shown count is the top of the scale: its bar is the plot's full height.
    expect(set.querySelector('rect.bar')?.getAttribute('height')).toBe('196');
  });

  it('a heat map leaves a suppressed cell unshaded, says "fewer than 11", and keeps each row label whole', () => {
    const label = 'Employed — Harbour employment services and job readiness';
    render(
      <Heatmap
        title="Cases closed"
        description="By outcome and month."
        columns={['Jan', 'Feb', 'Mar']}
        rows={[
          {
            label,
            cells: [{ value: 14, suppressed: false }, { value: null, suppressed: true }, null],
          },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: `Cases closed By outcome and month. Suppressed, fewer than 11: ${label}, Feb.` });
    expect(chart.querySelector('.heat-label')?.textContent).toBe(label);
    const cells = [...chart.querySelectorAll<HTMLElement>('.heat-cell')];
    expect(cells.map((c) => c.getAttribute('data-mark'))).toEqual(['heat', 'suppressed', 'heat']);
    expect(cells.map((c) => c.textContent)).toEqual(['14', 'fewer than 11', '']);
    expect(cells[1].style.background).toBe('');
    expect(cells[1].title).toBe(`${label}, Feb: fewer than 11`);
    expect(cells[0].style.background).toBe('rgb(31, 95, 174)');
    expect(cells[0].title).toBe(`${label}, Jan: 14`);
    expect(screen.getByRole('region', { name: 'Cases closed (scrolls sideways)' }).tabIndex).toBe(0);
  });
});
