import 'server-only';
import { log } from '../log/logger';
import { recordHttpRequest } from '../metrics/record';
import { methodLabel, routePattern } from '../metrics/route-pattern';

/**
 * Records a request Fleetdeck answered: its latency in the HTTP metrics under its route pattern, and one log
 * line with route, path, status, duration, the correlation id and the user (when known). Returns the response.
 */
export function finishRequest(request: Request, response: Response, startedMs: number, user?: string): Response {
  const seconds = (performance.now() - startedMs) / 1000;
  const { pathname } = new URL(request.url);
  const route = routePattern(pathname);
  recordHttpRequest(methodLabel(request.method), route, response.status, seconds);
  log.info('request', {
    method: request.method,
    route,
    path: pathname,
    status: response.status,
    durationMs: Math.round(seconds * 10_000) / 10,
    user,
  });
  return response;
}
