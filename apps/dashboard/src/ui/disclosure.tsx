/**
 * A button that shows and hides a panel (usually a form) in place, with
 * aria-expanded; Escape in the panel closes it and gives the keyboard back to
 * the button.
 */
import { type KeyboardEvent, type ReactNode, type RefObject, useId, useRef, useState } from 'react';

/** Escape closes the innermost open panel (only that one) and returns focus to the button that opened it. */
export function closeOnEscape(open: boolean, close: () => void, opener: RefObject<HTMLElement | null>) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    close();
    opener.current?.focus();
  };
}

export function Disclosure({
  label,
  openLabel,
  children,
  className,
  initiallyOpen = false,
}: {
  label: ReactNode;
  openLabel?: ReactNode;
  children(close: () => void): ReactNode;
  className?: string;
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className={`disclosure ${className ?? ''}`} onKeyDown={closeOnEscape(open, () => setOpen(false), button)}>
      <button
        ref={button}
        type="button"
        className="button secondary small"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open ? (openLabel ?? 'Cancel') : label}
      </button>
      {open ? (
        <div id={id} className="disclosure-panel">
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}

/** Label and value pairs. */
export function Details({ items }: { items: Array<[ReactNode, ReactNode]> }) {
  return (
    <dl className="details">
      {items.map(([term, value], i) => (
        <div key={i}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
