// Benchmark: how long a browser takes to move its live stream to the other replica when the one holding it
// is killed (SIGKILL), over KILLS kills, through nginx. Each kill is measured on a freshly loaded page, so
// every one starts from the backoff's first delay (a page that lost several replicas in a row waits longer,
// by design). The baseline, measured in the same run and the same way, is a graceful stop (SIGTERM): the
// replica tells its streams to go, instead of the browser finding out. Run by bench/replica-failover.sh.
import { expect, test } from '@playwright/test';
import { reconnectBackoff } from '../lib/backoff';
import { endpointBody, coordinates } from '../test/support/sagemaker-objects';
import { createNamespace, kubeConfigAs } from '../e2e/support/cluster';
import { connectionLog, liveAgainAt, recordConnection } from '../e2e/support/connection-log';
import { replicaSet, type ReplicaSet } from '../e2e/support/replica-set';
import { signInAs } from '../e2e/support/sign-in';
import { CustomObjectsApi } from '@kubernetes/client-node';

const KILLS = Number(process.env.FAILOVER_KILLS ?? 20);
const STOPS = Number(process.env.FAILOVER_STOPS ?? 5);

let set: ReplicaSet;
let namespace: string;
test.beforeAll(async () => {
  const admin = kubeConfigAs('admin');
  namespace = await createNamespace(admin, 'bench-failover');
  const objects = admin.makeApiClient(CustomObjectsApi);
  for (let i = 0; i < 20; i++)
    await objects.createNamespacedCustomObject({ ...coordinates('Endpoint', namespace), body: endpointBody(`e-${i}`) });
  set = await replicaSet({
    names: ['a', 'b'],
    kubeconfigDir: process.env.FLEETDECK_HARNESS_KUBECONFIGS!,
    host: 'fleetdeck.localhost',
  });
});
test.afterAll(async () => set?.stop());

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

test('failover after a kill, against a graceful stop', async ({ page, context }) => {
  await recordConnection(context);
  await signInAs(page, 'oncall', { baseURL: set.base, next: `/endpoints?namespace=${namespace}` });

  async function measure(how: 'kill' | 'stop'): Promise<number> {
    await page.reload();
    await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live');
    const holder = set.byName(await set.streamHolder());
    const at = Date.now();
    const gone = how === 'kill' ? holder.kill() : holder.stop();
    // The badge reads live until the loss is noticed: wait for the recorded return after it.
    let liveAt: number | undefined;
    await expect
      .poll(async () => (liveAt = liveAgainAt(await connectionLog(page), at)), { timeout: 30_000 })
      .toBeDefined();
    expect(await set.streamHolder(set.other(holder))).toBe(set.other(holder).name);
    await gone;
    await holder.start();
    await set.inRotation(holder);
    return liveAt! - at;
  }

  const stops: number[] = [];
  for (let i = 0; i < STOPS; i++) stops.push(await measure('stop'));
  const kills: number[] = [];
  for (let i = 0; i < KILLS; i++) {
    kills.push(await measure('kill'));
    console.log(`kill ${i + 1}: live on the other replica after ${kills.at(-1)} ms`);
  }
  const line = (name: string, values: number[]) =>
    `${name}: n=${values.length} p50 ${percentile(values, 50)} ms, p95 ${percentile(values, 95)} ms, max ${Math.max(...values)} ms`;
  console.log(`== browser stream failover through nginx (first retry within ${reconnectBackoff.baseMs} ms)`);
  console.log(line('SIGKILL (failover)', kills));
  console.log(line('SIGTERM (baseline)', stops));
  console.log(
    `ratio kill/stop: p50 ${(percentile(kills, 50) / percentile(stops, 50)).toFixed(2)}x, p95 ${(percentile(kills, 95) / percentile(stops, 95)).toFixed(2)}x`,
  );
});
