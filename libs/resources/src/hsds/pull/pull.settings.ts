import { z } from 'zod';
import { ConfigError, type Env, loadConfig, processEnv, setting } from '@caseflow/config';
import { isAppError, isUuid } from '@caseflow/core';
import { sourceUrl } from './pull';

/**
 * The scheduled pull: `HSDS_PULL_SOURCES`, a JSON list of the directories to
 * mirror — `[{"url": "https://…/hsds", "tokenEnv": "OTHER_HSDS_TOKEN",
 * "organizationId": "…"}]`, the token read from the variable `tokenEnv`
 * names (a Secret, never the list itself) — pulled every
 * `HSDS_PULL_INTERVAL_MS` (0, the default: never).
 */
const pullSettings = z.object({
  HSDS_PULL_SOURCES: setting.string('[]'),
  HSDS_PULL_INTERVAL_MS: setting.durationMs(0, 7 * 24 * 3_600_000, 0),
});

export interface PullSource {
  url: string;
  token?: string;
  organizationId?: string;
}

export interface PullSettings {
  sources: PullSource[];
  intervalMs: number;
}

const ENV_NAME = /^[A-Z][A-Z0-9_]{0,99}$/;

export function loadPullSettings(env: Env = processEnv()): PullSettings {
  const s = loadConfig(pullSettings, env);
  const problem = (text: string) => new ConfigError([`HSDS_PULL_SOURCES ${text}`]);
  let list: unknown;
  try {
    list = JSON.parse(s.HSDS_PULL_SOURCES);
  } catch {
    throw problem('must be a JSON list of {"url", "tokenEnv"?, "organizationId"?}');
  }
  if (!Array.isArray(list)) throw problem('must be a JSON list of {"url", "tokenEnv"?, "organizationId"?}');
  const sources = list.map((entry: unknown, i): PullSource => {
    const at = `entry ${i + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw problem(`${at} must be an object`);
    const { url, tokenEnv, organizationId, ...rest } = entry as Record<string, unknown>;
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined)
      throw problem(`${at} has ${JSON.stringify(unknown.slice(0, 40))}, which is not url, tokenEnv or organizationId`);
    if (typeof url !== 'string') throw problem(`${at} needs a url`);
    let base: string;
    try {
      base = sourceUrl(url);
    } catch (error) {
      // The message names the rule, never the URL (it may carry a password).
      throw problem(`${at}: url ${isAppError(error) ? error.message.replace(/^url /, '') : 'is not a base URL'}`);
    }
    if (organizationId !== undefined && (typeof organizationId !== 'string' || !isUuid(organizationId)))
      throw problem(`${at}: organizationId must be a UUID`);
    let token: string | undefined;
    if (tokenEnv !== undefined) {
      if (typeof tokenEnv !== 'string' || !ENV_NAME.test(tokenEnv)) throw problem(`${at}: tokenEnv must name an environment variable`);
      token = env[tokenEnv]?.trim() || undefined;
      if (!token) throw problem(`${at}: tokenEnv names ${tokenEnv}, which is not set`);
    }
    return { url: base, ...(token ? { token } : {}), ...(organizationId ? { organizationId } : {}) };
  });
  return { sources, intervalMs: s.HSDS_PULL_INTERVAL_MS };
}
