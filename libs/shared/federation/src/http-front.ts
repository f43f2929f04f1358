/**
 * Which HTTP front serves a process: the hand-written one on node:http
 * (http.ts, the default) or fastify with Apollo Server's integration
 * (http-fastify.ts). HTTP_FRONT=node|fastify, read when the service is
 * created; both behave alike (http-front.spec.ts), and docs/performance.md
 * compares what they cost.
 */
import { z } from 'zod';
import type { BaseContext } from '@apollo/server';
import { type Env, loadConfig, processEnv, setting } from '@caseflow/config';
import { createHttpService, type HttpService, type HttpServiceOptions } from './http';
import { createFastifyHttpService } from './http-fastify';

export const HTTP_FRONTS = ['node', 'fastify'] as const;
export type HttpFront = (typeof HTTP_FRONTS)[number];

const frontSetting = z.object({ HTTP_FRONT: setting.oneOf(HTTP_FRONTS, 'node') });

export function httpFront(env: Env = processEnv()): HttpFront {
  return loadConfig(frontSetting, env).HTTP_FRONT;
}

export function createHttpFront<C extends BaseContext>(options: HttpServiceOptions<C>, front: HttpFront = httpFront()): HttpService {
  return front === 'fastify' ? createFastifyHttpService(options) : createHttpService(options);
}
