/** Paging controls for a list: where we are and the next and previous pages. */
export function Pager({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  total,
  pageSize,
  shown,
  label,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  total?: number;
  pageSize: number;
  shown: number;
  label: string;
}) {
  if (!hasPrevious && !hasNext) return null;
  const first = (page - 1) * pageSize + 1;
  const last = first + shown - 1;
  return (
    <nav className="pager" aria-label={`Pages of ${label}`}>
      <button type="button" className="button secondary small" onClick={onPrevious} disabled={!hasPrevious}>
        Previous page
      </button>
      <span className="pager-summary" aria-live="polite">
        {shown ? `${first}–${last}` : 'None'}
        {total !== undefined ? ` of ${total}` : ''} · page {page}
      </span>
      <button type="button" className="button secondary small" onClick={onNext} disabled={!hasNext}>
        Next page
      </button>
    </nav>
  );
}

/** Paging controls for a list held whole in the page (see useLocalPages). */
export function LocalPager({
  pages,
  label,
}: {
  pages: { page: number; pages: number; total: number; size: number; items: readonly unknown[]; setPage(p: number): void };
  label: string;
}) {
  return (
    <Pager
      page={pages.page}
      hasPrevious={pages.page > 1}
      hasNext={pages.page < pages.pages}
      onPrevious={() => pages.setPage(pages.page - 1)}
      onNext={() => pages.setPage(pages.page + 1)}
      total={pages.total}
      pageSize={pages.size}
      shown={pages.items.length}
      label={label}
    />
  );
}
