import { fireEvent, render, screen } from '@testing-library/react';
import { seriousViolations } from '../testing/axe';
import { LONG_TEXT_CHARS, LONG_TEXT_LINES, LongText, shortened } from './longtext';

describe('a long text collapses with "Show more"', () => {
  it('shows a short text whole, with no toggle', () => {
    const text = 'Met at the drop-in; talked about the forklift course.';
    const { container } = render(<LongText text={text} what="the note" />);
    expect(container.querySelector('p')?.textContent).toBe(text);
    expect(screen.queryByRole('button')).toBeNull();
    expect(shortened('x'.repeat(LONG_TEXT_CHARS))).toBeNull();
    expect(shortened(Array(LONG_TEXT_LINES).fill('line').join('\n'))).toBeNull();
  });

  it('starts a 5,000-character word as its opening, expands with "Show more" and collapses with "Show less"', async () => {
    const text = 'a'.repeat(5000);
    const { container } = render(<LongText text={text} className="note-body" what="the note of 4 Dec" />);
    const body = () => container.querySelector('p.note-body') as HTMLElement;
    const toggle = screen.getByRole('button', { name: 'Show more of the note of 4 Dec' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(body().id);
    expect(body().textContent).toBe(`${'a'.repeat(LONG_TEXT_CHARS)}…`);
    // The whole text for paper, not displayed on screen (print-only), is only there while the text is collapsed.
    expect([...container.querySelectorAll('p.note-body.print-only')].map((p) => p.textContent)).toEqual([text]);
    expect(body().classList.contains('screen-only')).toBe(true);

    fireEvent.click(toggle);
    expect(container.querySelectorAll('p.print-only')).toHaveLength(0);
    expect(body().classList.contains('screen-only')).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Show less of the note of 4 Dec');
    expect(body().textContent).toBe(text);
    expect(await seriousViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Show less of the note of 4 Dec' }));
    expect(screen.getByRole('button', { name: 'Show more of the note of 4 Dec' }).getAttribute('aria-expanded')).toBe('false');
    expect(body().textContent).toBe(`${'a'.repeat(LONG_TEXT_CHARS)}…`);
  });

  it('collapses a text of many short lines after the eighth line, and cuts prose at a word', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Line ${i + 1}`);
    expect(shortened(lines.join('\n'))).toBe(`${lines.slice(0, LONG_TEXT_LINES).join('\n')}…`);
    render(<LongText text={lines.join('\n')} />);
    expect(screen.getByRole('button', { name: 'Show more' }).getAttribute('aria-expanded')).toBe('false');

    const prose = 'word '.repeat(200).trim();
    const head = shortened(prose) as string;
    expect(head.length).toBeLessThanOrEqual(LONG_TEXT_CHARS + 1);
    expect(head).toMatch(/ word…$/);
    expect(prose.startsWith(head.slice(0, -1))).toBe(true);
  });
});
