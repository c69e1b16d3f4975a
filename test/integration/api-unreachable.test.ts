// When the API server goes away: reads answer 503/504 within 10 s instead of stale data, the open stream
// keeps its heartbeat and says the cluster is unreachable, a new stream is told when to try again, the replica
// stays ready (its pages show the last data, marked stale), and everything recovers on the same connection.
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { call, configureServer, signIn, sseReader } from '../support/api-client';
import { ownControlPlane } from '../support/own-control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';
import { loadUserKubeConfig } from '../support/test-users';

const plane = ownControlPlane();
afterAll(() => plane.destroy());
configureServer({}, plane.kubeconfigDir);
const fleet = await import('@/app/api/fleet/route');
const me = await import('@/app/api/me/route');
const readyz = await import('@/app/api/readyz/route');
const session = await import('@/app/api/session/route');
const stream = await import('@/app/api/stream/route');
const admin = loadUserKubeConfig(plane.kubeconfigDir, 'admin').makeApiClient(CustomObjectsApi);
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

describe('an unreachable API server', () => {
  it('turns reads into 503/504 and the stream into "unreachable", then recovers on the same stream', async () => {
    await admin.createNamespacedCustomObject({ ...coordinates('Endpoint', 'team-a'), body: endpointBody('steady') });
    const { cookie } = await signIn({ session: session.POST, me: me.GET }, 'oncall');
    const read = () => call(fleet.GET, { path: '/api/fleet', headers: { cookie } });
    expect((await read()).status).toBe(200);
    expect((await call(readyz.GET, { path: '/api/readyz' })).status).toBe(200);

    const events = sseReader(await call(stream.GET, { path: '/api/stream', headers: { cookie } }));
    await events.until((seen) => seen.some((e) => e.event === 'hello'), 5000);
    expect(events.events[0]?.data.reachable).toBe(true);

    plane.stopApiServer();
    await events.until((seen) => seen.some((e) => e.event === 'cluster' && e.data.reachable === false), 15_000);
    expect(events.events.some((e) => e.event === 'cluster' && e.data.reachable === false)).toBe(true);
    const started = Date.now();
    const refused = await read();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect([503, 504]).toContain(refused.status);
    expect((await refused.json()).error.code).toMatch(/^cluster_(unavailable|timeout)$/);
    // A stream opened now is refused with the time of the next probe, not left to its full backoff.
    const refusedStream = await call(stream.GET, { path: '/api/stream', headers: { cookie } });
    expect(refusedStream.status).toBe(503);
    expect(refusedStream.headers.get('retry-after')).toBe('5');
    // Still ready: a load balancer must keep sending pages here, where they show the last data as stale.
    expect((await call(readyz.GET, { path: '/api/readyz' })).status).toBe(200);
    // The stream stays open and keeps beating while the cluster is away.
    const since = events.events.length;
    await events.until((seen) => seen.slice(since).some((e) => e.event === 'heartbeat'), 16_000);
    expect(events.events.slice(since).find((e) => e.event === 'heartbeat')?.data.reachable).toBe(false);

    plane.startApiServer();
    await events.until((seen) => seen.some((e) => e.event === 'cluster' && e.data.reachable === true), 15_000);
    await admin.patchNamespacedCustomObjectStatus(
      {
        ...coordinates('Endpoint', 'team-a'),
        name: 'steady',
        body: {
          status: {
            endpointStatus: 'InService',
            ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
          },
        },
      },
      mergePatch,
    );
    // Within 30 s of the cluster's return, as the monitoring pages promise.
    await events.until(
      (seen) => seen.some((e) => e.event === 'upsert' && e.data.name === 'steady' && e.data.status === 'InService'),
      30_000,
    );
    expect(
      events.events.some((e) => e.event === 'upsert' && e.data.status === 'InService'),
      JSON.stringify(events.events.map((e) => [e.event, e.data?.reachable ?? e.data?.status])),
    ).toBe(true);
    expect((await read()).status).toBe(200);
    await events.cancel();
  }, 90_000);
});
