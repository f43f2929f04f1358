/** A button that shows and hides a panel (usually a form) in place, with aria-expanded. */
import { type ReactNode, useId, useState } from 'react';

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
  return (
    <div className={`disclosure ${className ?? ''}`}>
      <button type="button" className="button secondary small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
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
