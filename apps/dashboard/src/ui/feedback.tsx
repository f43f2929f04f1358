/** Loading, error and "part missing" states: explicit, announced to screen readers, with a way to retry. */
import type { ReactNode } from 'react';
import type { UseQueryState } from 'urql';
import { type CombinedErrorLike, type ErrorCode, mainCode, messageOf, partMissing } from '../api/errors';

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </p>
  );
}

export function ErrorNotice({ error, what, onRetry }: { error: CombinedErrorLike; what?: string; onRetry?: () => void }) {
  const code = mainCode(error);
  return (
    <div className="notice error" role="alert">
      <p>
        {what ? (
          <strong>
            {code === 'FORBIDDEN'
              ? `You may not see ${what}.`
              : code === 'NOT_FOUND'
                ? `${capitalize(what)} was not found.`
                : `${capitalize(what)} could not be loaded.`}{' '}
          </strong>
        ) : null}
        {messageOf(error)}
      </p>
      {onRetry && (code === 'UNAVAILABLE' || code === 'NETWORK' || code === 'UNKNOWN') ? (
        <button type="button" className="button secondary small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MISSING_WORDS: Partial<Record<ErrorCode, string>> = {
  FORBIDDEN: 'Not covered by what you may see',
  UNAVAILABLE: 'Unavailable right now',
};

/** A note in place of one part of a page whose data did not arrive; the rest of the page still works. */
export function PartMissing({
  what,
  error,
  path,
  service,
  onRetry,
}: {
  what: string;
  error: CombinedErrorLike | null | undefined;
  path: ReadonlyArray<string | number>;
  service?: string;
  onRetry?: () => void;
}) {
  const missing = partMissing(error, path, service);
  if (!missing) return null;
  return (
    <div className="notice warning" role="note">
      <p>
        <strong>
          {MISSING_WORDS[missing.code] ?? 'Could not be loaded'}: {what}.
        </strong>{' '}
        {missing.message}
      </p>
      {onRetry && missing.code === 'UNAVAILABLE' ? (
        <button type="button" className="button secondary small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/**
 * A query's three states: loading (first load only — a refresh keeps the
 * page), failed with nothing to show, or its data (possibly partial: the
 * children show what is missing with PartMissing).
 */
export function QueryView<T>({
  result,
  what,
  retry,
  children,
}: {
  result: UseQueryState<T>;
  what: string;
  retry: () => void;
  children: (data: T) => ReactNode;
}) {
  // With an error and no root value (e.g. `client: null` because its service is down) there is nothing to show;
  // with a root value, the answer is partial and the children say what is missing.
  const hasRoot = Boolean(result.data) && Object.values(result.data as object).some((v) => v !== null && v !== undefined);
  if (result.error && !hasRoot) return <ErrorNotice error={result.error} what={what} onRetry={retry} />;
  if (result.data) return <>{children(result.data)}</>;
  if (result.error) return <ErrorNotice error={result.error} what={what} onRetry={retry} />;
  return <Loading label={`Loading ${what}`} />;
}

export function Success({ children }: { children: ReactNode }) {
  return (
    <p className="notice success" role="status">
      {children}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Columns of a table that a service could not give right now: which, that the rest is shown, and Try again. */
export function ColumnsMissing({ missing, rest, onRetry }: { missing: string; rest: string; onRetry(): void }) {
  return (
    <div className="notice warning" role="note">
      <p>
        <strong>{missing}</strong> {rest}
      </p>
      <button type="button" className="button secondary small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
