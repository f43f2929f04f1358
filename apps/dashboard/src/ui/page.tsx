/** The frame of a page and of its parts: a titled page whose heading takes focus on arrival, and labelled sections. */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useDocumentTitle } from './hooks';

export function Page({
  title,
  subtitle,
  actions,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  // A new page moves the keyboard and the screen reader to its heading, as a page load would.
  useEffect(() => heading.current?.focus({ preventScroll: true }), [title]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1 id="page-title" tabIndex={-1} ref={heading}>
            {title}
          </h1>
          {subtitle ? <div className="subtitle">{subtitle}</div> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}

export function Section({
  title,
  actions,
  children,
  className,
  level = 2,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  level?: 2 | 3;
}) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={`section ${className ?? ''}`} aria-labelledby={id}>
      <div className="section-head">
        <Heading id={id}>{title}</Heading>
        {actions ? <div className="section-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
