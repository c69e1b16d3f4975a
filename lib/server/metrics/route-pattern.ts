import 'server-only';

// The routes Fleetdeck serves through its route wrappers, as Next.js names them (app/ folder paths). The HTTP
// metrics label requests by these patterns, so an endpoint's name never becomes a label value;
// route-pattern.test.ts checks this table against the route files.
export const ROUTE_PATTERNS = [
  '/api/auth/oidc/callback',
  '/api/auth/oidc/login',
  '/api/endpoints/[namespace]/[name]/metrics',
  '/api/endpoints/[namespace]/[name]/rollout',
  '/api/endpoints/[namespace]/[name]/series',
  '/api/endpoints/[namespace]/[name]',
  '/api/fleet/metrics',
  '/api/fleet',
  '/api/healthz',
  '/api/me',
  '/api/readyz',
  '/api/session',
  '/api/stream',
  '/metrics',
] as const;

const CATCH_ALL = '/api/[...path]';

const matchers = ROUTE_PATTERNS.map((pattern) => ({
  pattern,
  regex: new RegExp(`^${pattern.replace(/\[[^\]/]+\]/g, '[^/]+')}/?$`),
}));

/** The route pattern a path is served by: a dynamic segment reads `[name]`; any other /api path the catch-all. */
export function routePattern(pathname: string): string {
  for (const { pattern, regex } of matchers) if (regex.test(pathname)) return pattern;
  return pathname.startsWith('/api/') ? CATCH_ALL : 'other';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The method as a label: one of the HTTP methods routes answer, or `other`. */
export const methodLabel = (method: string): string => (METHODS.has(method) ? method : 'other');
