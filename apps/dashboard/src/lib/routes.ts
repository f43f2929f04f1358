/** Matching the app's paths, e.g. '/clients/:id/refer' against '/clients/42/refer'. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('?')[0].split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

/** A path with query parameters, leaving out empty ones. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Where each role starts. */
export function homeFor(role: string): string {
  switch (role) {
    case 'CASE_MANAGER':
    case 'SUPERVISOR':
      return '/caseload';
    case 'PARTNER':
      return '/inbox';
    case 'ANALYST':
      return '/outcomes';
    default:
      return '/directory';
  }
}
