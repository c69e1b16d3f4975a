// What happens before and around a route handler: Next.js's own routing, the proxy (proxy.ts) and the
// configured headers, through a real Next.js server; and the methods every API route answers.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '@/lib/api/error-envelope';
import { call, configureServer } from '../support/api-client';
import { inject } from '../support/control-plane';
import { startNextDevServer, type NextDevServer } from '../support/next-dev-server';
import { repoRoot } from '../support/repo-root';

configureServer();
const { proxy } = await import('@/proxy');

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const allowOf = (response: Response) =>
  (response.headers.get('allow') ?? '')
    .split(',')
    .map((method) => method.trim())
    .filter(Boolean)
    .sort();

let server: NextDevServer;
beforeAll(async () => {
  server = await startNextDevServer({
    KUBECONFIG: join(inject('controlPlane').kubeconfigDir, 'fleetdeck-server.kubeconfig'),
    // Browsers reach this Fleetdeck over https (a TLS proxy in front), so it sends HSTS.
    FLEETDECK_ORIGIN: 'https://fleetdeck.test',
  });
}, 240_000);
afterAll(() => server?.stop());

const get = (path: string, init?: RequestInit) => fetch(`${server.baseURL}${path}`, { redirect: 'manual', ...init });

describe('a path that does not decode', () => {
  it('gets 400 in the JSON envelope on every API route, not a bare 500', async () => {
    for (const path of [
      '/api/endpoints/team-a/%c0%ae%c0%ae',
      '/api/endpoints/%zz/name',
      '/api/endpoints/team-a/%c0/rollout',
      '/api/endpoints/team-a/%ff/series',
      '/api/no-such-route/%c0',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
      const body = errorEnvelopeSchema.parse(await response.json());
      expect(body.error.code).toBe('bad_request');
      expect(response.headers.get('x-correlation-id')).toBe(body.error.correlationId);
    }
    const post = await get('/api/endpoints/team-a/%c0%ae/rollout', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(post.status).toBe(400);
  });

  it('gets a plain 400 on a page', async () => {
    const response = await get('/endpoints/team-a/%c0%ae%c0%ae');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });
});

describe('methods', () => {
  it('OPTIONS names exactly the methods that do not answer 405, as the 405s do', async () => {
    for (const path of ['/api/fleet', '/api/session', '/api/endpoints/team-a/some-endpoint/rollout', '/api/healthz']) {
      const options = await get(path, { method: 'OPTIONS' });
      expect(options.status, path).toBe(204);
      const allow = allowOf(options);
      expect(allow, path).toContain('OPTIONS');
      for (const method of METHODS) {
        const response = await get(path, { method });
        expect(
          response.status === 405,
          `${method} ${path} answered ${response.status}; Allow: ${allow.join(', ')}`,
        ).toBe(!allow.includes(method));
        if (response.status === 405) expect(allowOf(response), `${method} ${path}`).toEqual(allow);
      }
    }
  });

  it('every API route module exports OPTIONS, and it agrees with its own handlers', async () => {
    const apiDir = join(repoRoot(), 'app', 'api');
    const routes = readdirSync(apiDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('route.ts'),
    );
    expect(routes.length).toBeGreaterThan(5);
    for (const file of routes) {
      const routeModule = (await import(join(apiDir, file))) as Record<
        string,
        ((request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined
      >;
      const where = relative(repoRoot(), join(apiDir, file));
      // Without an OPTIONS export, Next.js answers OPTIONS itself and lists every exported method, 405s included.
      expect(routeModule.OPTIONS, where).toBeTypeOf('function');
      const options = await call(routeModule.OPTIONS!, {
        method: 'OPTIONS',
        path: '/api/x',
        params: { namespace: 'team-a', name: 'x' },
      });
      if (file.startsWith('[...path]')) {
        expect(options.status, where).toBe(404);
        continue;
      }
      const allow = allowOf(options);
      for (const method of METHODS) {
        // Next.js answers HEAD with the GET handler, and 405 (without Allow) for methods a module does not export.
        const handler = method === 'HEAD' ? routeModule.GET : routeModule[method];
        if (!handler) {
          expect(allow, `${where} ${method}`).not.toContain(method);
          continue;
        }
        const response = await call(handler, {
          method: method === 'HEAD' ? 'GET' : method,
          path: '/api/x',
          params: { namespace: 'team-a', name: 'x' },
        });
        expect(
          response.status === 405,
          `${where} ${method} answered ${response.status}; Allow: ${allow.join(', ')}`,
        ).toBe(!allow.includes(method));
      }
    }
  });
});

describe('headers', () => {
  it('pages get a CSP with base-uri none, and every response turns unused features off and stays same-origin', async () => {
    const page = await get('/sign-in');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("base-uri 'none'");
    for (const response of [page, await get('/api/healthz'), await get('/api/fleet')]) {
      const policy = response.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
        expect(policy).toContain(`${feature}=()`);
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000');
    }
  });

  it('sends no HSTS when browsers reach Fleetdeck over plain http (FLEETDECK_ORIGIN not https)', async () => {
    // This file's own process is configured without FLEETDECK_ORIGIN.
    for (const path of ['/sign-in', '/api/fleet']) {
      const response = proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});
