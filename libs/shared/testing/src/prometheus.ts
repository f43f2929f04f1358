/**
 * Reads a sample from Prometheus's text format: the value of `name` whose
 * labels include every one of `labels` (summed over the other labels), or
 * undefined when no such series is there.
 */
export function promSample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let found: number | undefined;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const own = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => own[key] === value)) found = (found ?? 0) + Number(match[3]);
  }
  return found;
}
