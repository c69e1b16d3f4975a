// Benchmark (not part of `npm test`): does opening and closing live streams leave heap behind? The server's
// stream route runs in this process against the bench control plane; the heap after forced collections is
// compared with the same-run baseline taken after a warm-up. It reports; it asserts nothing.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { it } from 'vitest';
import { call, configureServer, signIn } from '../test/support/api-client';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
configureServer({ FLEETDECK_MAX_STREAMS_PER_IDENTITY: '100' });
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const stream = await import('@/app/api/stream/route');
const healthz = await import('@/app/api/healthz/route');

const CYCLES = 10_000;

async function liveHeapMiB(): Promise<number> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 500));
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

it(`${CYCLES} stream connect/disconnect cycles`, async () => {
  const { cookie } = await signIn({ session: session.POST, me: me.GET }, 'oncall');
  const cycle = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const response = await call(stream.GET, { path: '/api/stream?namespace=team-a', headers: { cookie } });
      await response.body!.cancel();
    }
  };
  await cycle(500);
  const baseline = await liveHeapMiB();
  await cycle(CYCLES);
  const after = await liveHeapMiB();
  const open = ((await (await call(healthz.GET, { path: '/api/healthz' })).json()) as { streams: number }).streams;
  console.log(
    `after ${CYCLES} cycles: ${open} streams open; live heap ${baseline.toFixed(1)} -> ${after.toFixed(1)} MiB ` +
      `(${(after / baseline).toFixed(3)}x the baseline after 500 warm-up cycles)`,
  );
}, 600_000);
