import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { assertCsrf } from '../auth/csrf';
import { identify, type Identity } from '../auth/identity';
import { refreshedSessionCookie } from '../auth/session-cookie';
import { AppError } from './app-error';
import { withCorrelationId } from './correlation';
import { readJsonBody } from './read-json-body';
import { fieldErrors } from './field-errors';
import { finishRequest } from './request-log';
import { errorResponse, json } from './respond';
import { log } from '../log/logger';

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.infer<S> : undefined;

interface RouteSchemas {
  params?: Schema;
  query?: Schema;
  body?: Schema;
}

export interface RouteContext<S extends RouteSchemas> {
  request: Request;
  identity: Identity;
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  body: Parsed<S['body']>;
  correlationId: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

function parseOrThrow(schema: Schema, value: unknown, code: 'bad_request' | 'invalid', what: string) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = fieldErrors(parsed.error.issues);
  throw new AppError(code, `The ${what} is not valid.`, fields);
}

/** A refused request (403) is worth an operator's look: who asked for what, and why not, under its id. */
function logRefusal(error: unknown, request: Request, identity?: Identity) {
  if (!(error instanceof AppError) || error.code !== 'forbidden') return;
  const who = identity ? `${identity.mode} user ${JSON.stringify(identity.user)}` : 'an anonymous caller';
  const { pathname, search } = new URL(request.url);
  log.warn(`403 for ${who} on ${request.method} ${pathname}${search}: ${error.message}`, { user: identity?.user });
}

/**
 * Every API route: who is calling (401 if nobody), CSRF for anything but GET, then params (400), query (400)
 * and body (415/413/400/422), then the handler. Whatever the handler returns is sent as JSON, with the session
 * cookie re-sealed when its last-seen time is a few minutes old (the idle timeout counts from it); errors become
 * the envelope with a correlation id, which log lines written while serving the request carry too; 403s
 * are logged, and so is every request (route, status, duration, user) and its latency counted in the metrics.
 * Authorization stays with the handler's own calls to Kubernetes.
 */
export function route<S extends RouteSchemas>(schemas: S, handler: (context: RouteContext<S>) => Promise<unknown>) {
  return async (request: Request, segment: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const correlationId = randomUUID();
    const started = performance.now();
    return withCorrelationId(correlationId, async () => {
      let identity: Identity | undefined;
      const finish = (response: Response) => finishRequest(request, response, started, identity?.user);
      try {
        identity = await identify(request);
        if (!identity) throw new AppError('unauthenticated', 'Sign in to use Fleetdeck.');
        if (!SAFE_METHODS.has(request.method)) assertCsrf(request, identity);
        const params = schemas.params
          ? parseOrThrow(schemas.params, await segment.params, 'bad_request', 'path')
          : undefined;
        const search = Object.fromEntries(new URL(request.url).searchParams);
        const query = schemas.query ? parseOrThrow(schemas.query, search, 'bad_request', 'query') : undefined;
        const body = schemas.body
          ? parseOrThrow(schemas.body, await readJsonBody(request), 'invalid', 'body')
          : undefined;
        const result = await handler({ request, identity, params, query, body, correlationId } as RouteContext<S>);
        const response = result instanceof Response ? result : json(result);
        const refreshed = await refreshedSessionCookie(request);
        if (refreshed) response.headers.append('Set-Cookie', refreshed);
        return finish(response);
      } catch (error) {
        logRefusal(error, request, identity);
        return finish(errorResponse(error, correlationId));
      }
    });
  };
}

/** A route anyone may call (liveness, sign-in): no identity, no session CSRF token; the handler decides. */
export function publicRoute(handler: (request: Request, correlationId: string) => Promise<unknown>) {
  return async (request: Request): Promise<Response> => {
    const correlationId = randomUUID();
    const started = performance.now();
    return withCorrelationId(correlationId, async () => {
      try {
        const result = await handler(request, correlationId);
        return finishRequest(request, result instanceof Response ? result : json(result), started);
      } catch (error) {
        logRefusal(error, request);
        return finishRequest(request, errorResponse(error, correlationId), started);
      }
    });
  };
}
