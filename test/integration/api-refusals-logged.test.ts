// A refused request (403) leaves a line in the server log that an operator can find from the correlation id
// the browser shows: who asked, for what, and the API server's reason.
import { afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { call, configureServer, signIn } from '../support/api-client';
import { customObjectsAs, uniqueName } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

configureServer();
const detail = await import('@/app/api/endpoints/[namespace]/[name]/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');

const name = uniqueName('refused');
let mlEng: { cookie: string; csrf: string };

beforeAll(async () => {
  await customObjectsAs('admin').createNamespacedCustomObject({
    ...coordinates('Endpoint', 'team-b'),
    body: endpointBody(name),
  });
  mlEng = await signIn({ session: session.POST, me: me.GET }, 'ml-eng');
});
afterEach(() => vi.restoreAllMocks());

/** The message of the log line (one JSON object) carrying the correlation id of a refused response. */
async function loggedLineFor(response: Response, warn: MockInstance<typeof console.warn>) {
  expect(response.status).toBe(403);
  const { error } = (await response.json()) as { error: { correlationId: string } };
  const lines = warn.mock.calls
    .map((args) => String(args[0]))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; correlationId?: string });
  return lines.find((line) => line.correlationId === error.correlationId)?.msg;
}

describe('403s are logged', () => {
  it('a read the API server refuses, with who and what', async () => {
    const warn = vi.spyOn(console, 'warn');
    const path = `/api/endpoints/team-b/${name}`;
    const response = await call(detail.GET, {
      path,
      params: { namespace: 'team-b', name },
      headers: { cookie: mlEng.cookie },
    });
    const line = await loggedLineFor(response, warn);
    expect(line).toContain(`403 for token user "ml-eng" on GET ${path}`);
  });

  it('a mutating request that fails the CSRF check', async () => {
    const warn = vi.spyOn(console, 'warn');
    const response = await call(session.DELETE, {
      method: 'DELETE',
      path: '/api/session',
      headers: { cookie: mlEng.cookie, origin: 'https://evil.example' },
    });
    expect(await loggedLineFor(response, warn)).toMatch(
      /403 for token user "ml-eng" on DELETE \/api\/session: .*origin/,
    );
  });

  it('a sign-in from another origin, before anyone is known', async () => {
    const warn = vi.spyOn(console, 'warn');
    const response = await call(session.POST, {
      method: 'POST',
      path: '/api/session',
      headers: { origin: 'https://evil.example' },
      body: { token: 'x' },
    });
    expect(await loggedLineFor(response, warn)).toContain('403 for an anonymous caller on POST /api/session');
  });
});
