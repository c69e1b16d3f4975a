import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_PATTERNS, routePattern } from './route-pattern';

const appDir = join(import.meta.dirname, '..', '..', '..', 'app');

/** Every route handler under app/ as its URL pattern (route groups such as `(fleet)` are not in the URL). */
const routeFiles = () =>
  readdirSync(appDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('route.ts'))
    .map((file) => `/${file.replace(/\/?route\.ts$/, '')}`.replace(/\/\([^)]+\)/g, ''));

describe('routePattern', () => {
  it('knows every route file, so none is counted under the catch-all', () => {
    const known = [...ROUTE_PATTERNS, '/api/[...path]'].sort();
    expect(routeFiles().sort()).toEqual(known);
  });

  it('labels a dynamic path by its pattern, never by the names in it', () => {
    expect(routePattern('/api/endpoints/team-a/churn-7')).toBe('/api/endpoints/[namespace]/[name]');
    expect(routePattern('/api/endpoints/team-a/churn-7/series')).toBe('/api/endpoints/[namespace]/[name]/series');
    // An endpoint named like a sub-route is still the detail route.
    expect(routePattern('/api/endpoints/team-a/rollout')).toBe('/api/endpoints/[namespace]/[name]');
    expect(routePattern('/api/endpoints/team-a/rollout/rollout')).toBe('/api/endpoints/[namespace]/[name]/rollout');
    expect(routePattern('/api/fleet')).toBe('/api/fleet');
    expect(routePattern('/metrics')).toBe('/metrics');
  });

  it('puts any other API path under the catch-all, whatever it is', () => {
    expect(routePattern('/api/no-such-route/a-b-c')).toBe('/api/[...path]');
    expect(routePattern('/api/endpoints/team-a')).toBe('/api/[...path]');
    expect(routePattern('/api/endpoints/a/b/c/d')).toBe('/api/[...path]');
  });
});
