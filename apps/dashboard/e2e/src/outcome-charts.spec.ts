/**
 * The outcome charts in a real browser, as alex (an analyst) sees them with
 * the demo data, on a desktop window and a 390 px phone: a suppressed figure
 * is drawn as no value — no bar, no shaded cell — and labelled "fewer than
 * 11" on the chart and in its accessible name; the closures heat map shows
 * each row's label whole, the same as the table's. The tables beside the
 * charts say which figures are suppressed; every wait is on something the
 * page shows. The closures answer is given long program names (see
 * withPrograms), so that the heat map's labels are as long as an agency's
 * with several programs.
 */
import type { Locator, Page } from 'playwright-core';
import { checkPage, signIn } from './browser';
import { browserSession } from './session';

// These run in the page, where they exist; this file is compiled for Node, without the DOM's types.
declare const document: { getElementById(id: string): { textContent: string | null } | null };
declare const window: { innerWidth: number };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

const session = browserSession();
let alex: Page;

const WHITE = 'rgb(255, 255, 255)';

async function chartsShown(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Outcomes' }).waitFor();
  await page.getByRole('img', { name: /Completion rate of referrals/ }).waitFor();
  await page.getByRole('img', { name: /Goals set and achieved/ }).waitFor();
  await page.getByRole('img', { name: /Cases closed, by outcome and month/ }).waitFor();
  await page.getByRole('table', { name: 'Distance travelled by domain' }).waitFor();
}

/** The rows of a figures table: its row header and its cells' text. */
async function tableRows(table: Locator): Promise<Array<{ header: string; cells: string[] }>> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      header: (r.querySelector('th')?.textContent ?? '').trim(),
      cells: [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim()),
    })),
  );
}

/** Every suppressed mark of every chart draws no shape and reads "fewer than 11"; how many there are. */
async function suppressedMarksAreNoValue(page: Page): Promise<number> {
  const marks = await page.locator('main [data-mark="suppressed"]').evaluateAll((nodes) =>
    nodes.map((n) => ({
      shapes: n.querySelectorAll('rect, path, circle, polygon').length,
      text: n.textContent ?? '',
      title: n.getAttribute('title') ?? n.querySelector('title')?.textContent ?? '',
      background: getComputedStyle(n).backgroundColor,
      fill: n.querySelector('[fill^="url("]') !== null,
    })),
  );
  for (const m of marks) {
    expect(m.shapes).toBe(0);
    expect(m.fill).toBe(false);
    expect(m.text).toContain('fewer than 11');
    expect(m.title).toMatch(/: fewer than 11$/);
    expect([WHITE, 'rgba(0, 0, 0, 0)']).toContain(m.background);
  }
  return marks.length;
}

async function referralChartMatchesTable(page: Page): Promise<number> {
  const rows = await tableRows(page.getByRole('table', { name: 'Referrals by the month they were sent' }));
  const chart = page.getByRole('img', { name: /Completion rate of referrals/ });
  const hidden = rows.filter((r) => r.cells[3] === 'suppressed').map((r) => r.header);
  // A shape per shown rate, and none for a suppressed one.
  expect(await chart.locator('rect, path, polygon').count()).toBe(rows.filter((r) => /%$/.test(r.cells[3])).length);
  for (const month of hidden) {
    const mark = chart.locator(`[data-label="${month}"]`);
    expect(await mark.count()).toBe(1);
    expect(await mark.getAttribute('data-mark')).toBe('suppressed');
    expect(await mark.locator('rect').count()).toBe(0);
    expect(await mark.locator('.bar-note').textContent()).toBe('fewer than 11');
  }
  if (hidden.length) {
    const name = await chart.evaluate((svg) =>
      (svg.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id: string) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(name).toContain(`Suppressed, fewer than 11: ${hidden.join(', ')}.`);
  }
  expect(await chart.locator('rect.bar').count()).toBe(rows.filter((r) => /%$/.test(r.cells[3])).length);
  return hidden.length;
}

async function goalChartMatchesTable(page: Page): Promise<number> {
  const rows = await tableRows(page.getByRole('table', { name: 'Goals by term' }));
  const chart = page.getByRole('img', { name: /Goals set and achieved/ });
  let hidden = 0;
  // A shape per shown count (and the legend's two swatches), none for a suppressed one.
  const shown = rows.flatMap((r) => r.cells.slice(0, 2)).filter((c) => c !== 'suppressed').length;
  expect(await chart.locator('rect, path, polygon').count()).toBe(shown + 2);
  for (const r of rows)
    for (const [i, series] of ['goals set', 'goals achieved'].entries()) {
      const mark = chart.locator(`[data-label="${r.header}, ${series}"]`);
      expect(await mark.count()).toBe(1);
      if (r.cells[i] === 'suppressed') {
        hidden += 1;
        expect(await mark.getAttribute('data-mark')).toBe('suppressed');
        expect(await mark.locator('rect').count()).toBe(0);
        expect(await mark.locator('.bar-note').textContent()).toBe('fewer than 11');
      } else expect(await mark.locator('rect.bar').count()).toBe(1);
    }
  return hidden;
}

/**
 * The heat map against the closures table: a label per row, whole (not cut
 * off, nothing to scroll inside it, inside the map's frame) and the same as
 * the table's; a suppressed cell unshaded with "fewer than 11".
 */
async function heatmapMatchesTable(page: Page): Promise<number> {
  const rows = await tableRows(page.getByRole('table', { name: 'People whose case closed, by outcome and month' }));
  const map = page.getByRole('img', { name: /Cases closed, by outcome and month/ });
  const shown = rows.filter((r) => r.cells.length > 1);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.every((r) => PROGRAMS.some((p) => r.header.endsWith(` — ${p}`)))).toBe(true);
  // Each row's label is on the map, whole: nothing cut off inside it, and all of it inside the map's frame.
  const labels = [];
  for (const r of shown) {
    const label = map.getByText(r.header, { exact: true });
    expect({ label: r.header, found: await label.count() }).toEqual({ label: r.header, found: 1 });
    labels.push(
      await label.evaluate((n) => {
        const frame = (n.closest('.heatmap-frame, svg') as typeof n).getBoundingClientRect();
        const box = n.getBoundingClientRect();
        return {
          text: n.textContent ?? '',
          scrollWidth: n.scrollWidth,
          clientWidth: n.clientWidth,
          scrollHeight: n.scrollHeight,
          clientHeight: n.clientHeight,
          inFrame: box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5,
        };
      }),
    );
  }
  for (const l of labels) {
    expect({ label: l.text, clipped: l.scrollWidth > l.clientWidth }).toEqual({ label: l.text, clipped: false });
    expect({ label: l.text, clipped: l.scrollHeight > l.clientHeight }).toEqual({ label: l.text, clipped: false });
    expect({ label: l.text, inFrame: l.inFrame }).toEqual({ label: l.text, inFrame: true });
  }
  expect(await map.locator('.heat-label').allTextContents()).toEqual(shown.map((r) => r.header));
  const cells = await map.locator('.heat-row').evaluateAll((nodes) =>
    nodes.map((row) =>
      [...row.querySelectorAll('.heat-cell')].map((c) => ({
        mark: c.getAttribute('data-mark'),
        text: (c.textContent ?? '').trim(),
        background: getComputedStyle(c).backgroundColor,
      })),
    ),
  );
  let hidden = 0;
  shown.forEach((r, ri) =>
    r.cells.forEach((text, ci) => {
      const c = cells[ri][ci];
      if (text === 'suppressed') {
        hidden += 1;
        expect(c).toEqual({ mark: 'suppressed', text: 'fewer than 11', background: WHITE });
      } else {
        expect(c.mark).toBe('heat');
        expect(c.text).toBe(text === '0' ? '' : text);
      }
    }),
  );
  return hidden;
}

async function chartsAreHonest(page: Page): Promise<void> {
  const hidden = (await referralChartMatchesTable(page)) + (await goalChartMatchesTable(page)) + (await heatmapMatchesTable(page));
  const marks = await suppressedMarksAreNoValue(page);
  // The demo data has suppressed figures: the test looks at some.
  expect(hidden).toBeGreaterThan(0);
  expect(marks).toBeGreaterThanOrEqual(hidden);
}

/**
 * The demo agency runs one program, so its closure rows are named by outcome
 * alone. An agency with several has rows named "<outcome> — <program>": the
 * closures answer is taken from the gateway as it is and each row is given
 * one of two long program names, so that the labels are as long as real ones.
 */
const PROGRAMS = ['Youth employment and job readiness', 'Newcomer settlement and language support'];

async function withPrograms(page: Page): Promise<void> {
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { query?: string } | null;
    if (!body?.query?.includes('query ClosuresByOutcome')) return route.continue();
    const response = await route.fetch();
    const json = (await response.json()) as { data?: { caseOutcomes?: Array<Record<string, unknown>> } };
    const cells = json.data?.caseOutcomes;
    if (cells) {
      // One program per outcome, alternating, so that each row is one outcome's figures.
      const outcomes = [...new Set(cells.map((c) => String(c.outcome)))];
      json.data = { caseOutcomes: cells.map((c) => ({ ...c, program: PROGRAMS[outcomes.indexOf(String(c.outcome)) % 2] })) };
    }
    return route.fulfill({ response, json });
  });
}

describe('the outcome charts in a browser', () => {
  it('on a desktop window, alex sees suppressed figures as no value labelled "fewer than 11", and whole heat-map labels', async () => {
    alex = await signIn(session.browser, session.env.url, 'Alex Novak');
    await withPrograms(alex);
    await alex.reload();
    await chartsShown(alex);
    await chartsAreHonest(alex);
    await checkPage(alex, 'outcome-charts-1280');
  });

  it('on a 390 px phone, the same, and the heat map scrolls sideways in its frame with its labels whole', async () => {
    await alex.setViewportSize({ width: 390, height: 844 });
    await alex.reload();
    await chartsShown(alex);
    await chartsAreHonest(alex);
    const frame = alex.getByRole('region', { name: /Cases closed, by outcome and month \(scrolls sideways\)/ });
    expect(await frame.evaluate((f) => f.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await checkPage(alex, 'outcome-charts-390');
    await alex.close();
  });
});
