/**
 * Text someone typed, shown whole when short; a long text (more than
 * LONG_TEXT_CHARS characters or LONG_TEXT_LINES lines) starts as its opening
 * with "Show more", a button with aria-expanded that shows it all and then
 * offers "Show less". The shortened text is cut in the markup (not hidden by
 * CSS), so a screen reader reads what the eye sees. A collapsed text also
 * carries its whole text for paper: `print-only`, which is not displayed (nor
 * read) on screen, and replaces the opening when printed.
 */
import { type ReactNode, useId, useState } from 'react';

export const LONG_TEXT_CHARS = 600;
export const LONG_TEXT_LINES = 8;

/** The opening of a long text, or null when the text is short enough to show whole. */
export function shortened(text: string, chars = LONG_TEXT_CHARS, lines = LONG_TEXT_LINES): string | null {
  const byLines = text.split('\n');
  if (text.length <= chars && byLines.length <= lines) return null;
  let head = byLines.slice(0, lines).join('\n');
  if (head.length > chars) {
    head = head.slice(0, chars);
    // End on a word boundary when there is one near the cut.
    const space = head.search(/\s\S*$/);
    if (space > chars * 0.8) head = head.slice(0, space);
  }
  return `${head.trimEnd()}…`;
}

export function LongText({
  text,
  className,
  what,
  chars = LONG_TEXT_CHARS,
  lines = LONG_TEXT_LINES,
}: {
  text: string;
  className?: string;
  /** Names the text for screen readers on the toggle, e.g. "the note of 4 Dec 2026, 10:00". */
  what?: ReactNode;
  chars?: number;
  lines?: number;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const head = shortened(text, chars, lines);
  if (head === null) return <p className={`user-text ${className ?? ''}`}>{text}</p>;
  return (
    <div className="long-text">
      <p id={id} className={`user-text ${className ?? ''} ${open ? '' : 'screen-only'}`}>
        {open ? text : head}
      </p>
      {open ? null : <p className={`user-text ${className ?? ''} print-only`}>{text}</p>}
      <button
        type="button"
        className="button secondary small long-text-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Show less' : 'Show more'}
        {what ? <span className="visually-hidden"> of {what}</span> : null}
      </button>
    </div>
  );
}
