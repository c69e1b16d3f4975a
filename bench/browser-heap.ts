// Benchmark: does a monitoring screen's memory stay flat while it stays open? Debian's Chromium keeps the
// overview, the endpoint list and an endpoint's detail page open as oncall against a production build, while
// endpoint statuses change several times a second and, every minute, the network drops for a few seconds so
// the live stream goes stale, reconnects and reads everything afresh. Each page's JS heap (after a forced
// collection) and its DOM node and listener counts are compared with a baseline taken in the same run after a
// warm-up. Run by browser-heap.sh (fresh control plane, production build). Reports; asserts nothing.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { benchCluster, createBenchFleet } from './support/bench-fleet';

const { values } = parseArgs({
  options: {
    endpoints: { type: 'string', default: '300' },
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '10' },
  },
});
const COUNT = Number(values.endpoints);
const MINUTES = Number(values.minutes);
// Status changes per second across the fleet.
const RATE = Number(values.rate);
const WARM_UP_MS = 60_000;
const NAMESPACE = 'bench-browser';
const repo = join(import.meta.dirname, '..');
const PORT = 3918;
const BASE = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const { kubeconfigs, admin, objects, group } = benchCluster(NAMESPACE);

async function createFleet(): Promise<void> {
  await admin.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: NAMESPACE } } });
  await createBenchFleet(objects, NAMESPACE, COUNT);
}

/** A status as the controller writes it, varied by `tick` so every patch is a change the pages must show. */
function statusAt(tick: number) {
  const updating = tick % 3 === 1;
  const count = 2 + (tick % 4);
  return {
    status: {
      endpointStatus: updating ? 'Updating' : 'InService',
      lastModifiedTime: new Date().toISOString(),
      productionVariants: [
        {
          variantName: 'primary',
          currentInstanceCount: count,
          desiredInstanceCount: count,
          currentWeight: 1,
          desiredWeight: 1,
          deployedImages: [{ specifiedImage: 'repo/m:1' }],
        },
      ],
      conditions: [
        {
          type: 'ACK.ResourceSynced',
          status: updating ? 'False' : 'True',
          lastTransitionTime: new Date().toISOString(),
        },
      ],
    },
  };
}

/**
 * Patches statuses at RATE per second until stopped. e-0, the open detail page, gets every fourth, so its
 * series reaches the server's 720-point bound within minutes: after that a page open for days holds no more.
 */
function churn(): { stop: () => Promise<void>; patches: () => number } {
  let running = true;
  let patches = 0;
  const loop = (async () => {
    for (let tick = 0; running; tick++) {
      const detail = tick % 4 === 0;
      const name = detail ? 'e-0' : `e-${tick % COUNT}`;
      await objects
        .patchNamespacedCustomObjectStatus(
          { ...group, plural: 'endpoints', name, body: statusAt(detail ? tick / 4 : tick) },
          mergePatch,
        )
        .then(
          () => (patches += 1),
          () => undefined,
        );
      await sleep(1000 / RATE);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
    patches: () => patches,
  };
}

interface Sample {
  heapMiB: number;
  nodes: number;
  listeners: number;
}

async function sampleOnce(cdp: CDPSession): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { heapMiB: heap.usedSize / 1048576, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

/**
 * The smallest of three samples a second apart: with changes arriving every few hundred milliseconds a single
 * sample may catch a response being parsed or a render in progress, which no collection can free yet.
 */
async function sample(cdp: CDPSession): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await sleep(1000);
    samples.push(await sampleOnce(cdp));
  }
  return samples.reduce((least, each) => (each.heapMiB < least.heapMiB ? each : least));
}

async function main() {
  const server = spawn(
    process.execPath,
    [join(repo, 'scripts', 'start-server.mjs'), '-H', '127.0.0.1', '-p', String(PORT)],
    {
      cwd: repo,
      env: {
        ...process.env,
        KUBECONFIG: join(kubeconfigs, 'fleetdeck-server.kubeconfig'),
        FLEETDECK_DEMO: '1',
        FLEETDECK_DEMO_KUBECONFIGS: kubeconfigs,
        NODE_ENV: 'production',
      },
      stdio: 'ignore',
      detached: true,
    },
  );
  const browser = await chromium.launch(chromiumLaunchOptions);
  let patcher: ReturnType<typeof churn> | undefined;
  try {
    while ((await fetch(`${BASE}/api/healthz`).catch(() => undefined))?.status !== 200) await sleep(500);
    console.log(
      `== ${COUNT} endpoints, ${RATE} status changes a second, ${MINUTES} min after a ${WARM_UP_MS / 1000} s warm-up; the network drops for 5 s every minute`,
    );
    await createFleet();
    const context = await browser.newContext({ baseURL: BASE });
    const first = await context.newPage();
    await first.goto(`/sign-in?next=${encodeURIComponent('/')}`);
    await first.getByRole('button', { name: 'Sign in as oncall' }).click();
    await first.waitForURL(`${BASE}/`);
    const pages: Array<{ name: string; page: Page; cdp?: CDPSession }> = [
      { name: 'overview', page: first },
      { name: 'list', page: await context.newPage() },
      { name: 'detail', page: await context.newPage() },
    ];
    await pages[1]!.page.goto(`/endpoints?namespace=${NAMESPACE}`);
    await pages[2]!.page.goto(`/endpoints/${NAMESPACE}/e-0`);
    for (const each of pages) {
      // Each tab counts as visible and pinned, so none pauses its stream as a hidden tab would.
      await each.page.evaluate(() => window.localStorage.setItem('fleetdeck.wallboard', '1'));
      await each.page.reload();
      await each.page
        .getByTestId('live-badge')
        .and(each.page.locator('[data-connection="live"]'))
        .waitFor({ timeout: 60_000 });
      each.cdp = await context.newCDPSession(each.page);
    }

    patcher = churn();
    const dropNetwork = async () => {
      for (const each of pages)
        await each.cdp!.send('Network.emulateNetworkConditions', {
          offline: true,
          latency: 0,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
      await sleep(5_000);
      for (const each of pages)
        await each.cdp!.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 0,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
    };
    for (const each of pages) await each.cdp!.send('Network.enable');
    await sleep(WARM_UP_MS / 2);
    await dropNetwork();
    await sleep(WARM_UP_MS / 2);
    const baseline = await Promise.all(pages.map((each) => sample(each.cdp!)));
    const row = (label: string, samples: Sample[]) =>
      `${label.padEnd(9)}${samples
        .map(
          (s, i) =>
            `${s.heapMiB.toFixed(1).padStart(7)} MiB ${(s.heapMiB / baseline[i]!.heapMiB).toFixed(2)}x ${String(s.nodes).padStart(6)} nodes ${String(s.listeners).padStart(5)} listeners`,
        )
        .join(' | ')}`;
    // The detail page's heap grows with its endpoint's series until the server's bound: say where that is.
    const seriesPoints = () =>
      pages[2]!.page.evaluate(
        async (path) => ((await (await fetch(path)).json()) as { points: unknown[] }).points.length,
        `/api/endpoints/${NAMESPACE}/e-0/series`,
      );
    console.log(`minute   ${pages.map((each) => each.name.padEnd(44)).join(' | ')} | e-0 series`);
    console.log(`${row('baseline', baseline)} | ${await seriesPoints()} points`);
    let last = baseline;
    for (let minute = 1; minute <= MINUTES; minute++) {
      await sleep(25_000);
      await dropNetwork();
      await sleep(30_000);
      last = await Promise.all(pages.map((each) => sample(each.cdp!)));
      console.log(`${row(String(minute), last)} | ${await seriesPoints()} points`);
    }
    await patcher.stop();
    const states = await Promise.all(
      pages.map((each) => each.page.getByTestId('live-badge').getAttribute('data-connection')),
    );
    console.log(`${patcher.patches()} status patches; connection at the end: ${states.join(', ')}`);
    console.log(
      `heap after ${MINUTES} min against the baseline: ${pages.map((each, i) => `${each.name} ${(last[i]!.heapMiB / baseline[i]!.heapMiB).toFixed(2)}x`).join(', ')}; ` +
        `DOM nodes: ${pages.map((each, i) => `${each.name} ${(last[i]!.nodes / baseline[i]!.nodes).toFixed(2)}x`).join(', ')}`,
    );
  } finally {
    await patcher?.stop();
    await browser.close();
    process.kill(-server.pid!, 'SIGKILL');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
