// A client that stops reading is dropped once its unread buffer is full, and its stream slots (the identity's and
// the replica's) are freed.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { call, configureServer, signIn } from '../support/api-client';
import { customObjectsAs, freshNamespace } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

configureServer({
  FLEETDECK_STREAM_BUFFER_BYTES: '4096',
  FLEETDECK_MAX_STREAMS_PER_IDENTITY: '1',
  FLEETDECK_MAX_STREAMS: '1',
});
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const stream = await import('@/app/api/stream/route');
const healthz = await import('@/app/api/healthz/route');
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

describe('a stream nobody reads', () => {
  it("is closed when its buffer is full, and its slots are freed, the replica's as well", async () => {
    const namespace = await freshNamespace('slow');
    const admin = customObjectsAs('admin');
    await admin.createNamespacedCustomObject({ ...coordinates('Endpoint', namespace), body: endpointBody('busy') });
    const { cookie } = await signIn({ session: session.POST, me: me.GET }, 'oncall');
    const stalled = await call(stream.GET, { path: `/api/stream?namespace=${namespace}`, headers: { cookie } });
    expect(stalled.status).toBe(200);
    // The only slots (this replica's, checked first, and the identity's) are taken while the stalled stream lives.
    expect((await call(stream.GET, { path: `/api/stream?namespace=${namespace}`, headers: { cookie } })).status).toBe(
      503,
    );

    // Each status change is an upsert of several hundred bytes; nobody reads them.
    for (let i = 0; i < 20; i++) {
      await admin.patchNamespacedCustomObjectStatus(
        {
          ...coordinates('Endpoint', namespace),
          name: 'busy',
          body: { status: { endpointStatus: `Step-${i}`, failureReason: 'x'.repeat(200) } },
        },
        mergePatch,
      );
    }
    const deadline = Date.now() + 5000;
    let streams = 1;
    while (Date.now() < deadline && streams > 0) {
      streams = ((await (await call(healthz.GET, { path: '/api/healthz' })).json()) as { streams: number }).streams;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(streams).toBe(0);
    const again = await call(stream.GET, { path: `/api/stream?namespace=${namespace}`, headers: { cookie } });
    expect(again.status).toBe(200);
    await again.body!.cancel();
    await stalled.body!.cancel().catch(() => {});
  });
});
