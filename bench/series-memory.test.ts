// Benchmark (not part of `npm test`): memory per endpoint of the recorded series, held as the server holds them
// (lib/server/series/series-book.ts: one bounded ring per endpoint), measured as live heap plus ArrayBuffer memory
// after forced collections against a baseline taken in the same run just before, with the endpoints' names
// and uids already in memory. It needs no cluster. It reports; it asserts nothing.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { it } from 'vitest';
import type { SampleVariant, SeriesSample } from '@/lib/endpoints/series-sample';
import { SeriesBook } from '@/lib/server/series/series-book';
import { seriesLimits } from '@/lib/server/series/series-limits';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ENDPOINTS = 1000;
// The bound stated in lib/server/series/series-limits.ts (`seriesLimits`).
const STATED_BOUND_BYTES = 43 * 1024;

async function liveBytes(): Promise<number> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const variant = (name: string, fleet: 'current' | 'new', step: number): SampleVariant => ({
  name,
  fleet,
  currentWeight: 1 + (step % 3),
  currentInstanceCount: step % 7,
  desiredInstanceCount: 6,
});

// What each endpoint's ring is filled with: a change per step until the ring is full (or one step: idle).
const shapes: { label: string; steps: number; sample: (step: number, endpoint: number) => SeriesSample }[] = [
  {
    label: 'one point (no change since the first list)',
    steps: 1,
    sample: () => ({ status: 'InService', variants: [variant('blue', 'current', 6)] }),
  },
  {
    label: 'full: 2 running + 2 new variants a point',
    steps: 2 * seriesLimits.maxPoints,
    sample: (step) => ({
      status: 'Updating',
      variants: [
        variant('blue', 'current', step),
        variant('green', 'current', step),
        variant('blue', 'new', step),
        variant('green', 'new', step),
      ],
    }),
  },
  {
    label: 'full: 10 + 10 variants a point (the entry budget binds)',
    steps: 2 * seriesLimits.maxPoints,
    sample: (step) => ({
      status: 'Updating',
      variants: Array.from({ length: 20 }, (_, index) =>
        variant(`variant-${index % 10}`, index < 10 ? 'current' : 'new', step),
      ),
    }),
  },
  {
    // Every limit reached at once: 720 points, 2,880 entries and a table (nearly) full of 63-character names.
    label: 'full: 4 variants a point, names of 63 characters, table full',
    steps: 2 * seriesLimits.maxPoints,
    sample: (step, endpoint) => {
      // New variant names every 60 changes: 720 points span 12 or 13 generations, 4 statuses and 26 names.
      const generation = Math.floor(step / 60);
      return {
        status: ['InService', 'Updating', 'RollingBack', 'SystemUpdating'][step % 4],
        variants: Array.from({ length: 4 }, (_, index) =>
          variant(`${endpoint}-${generation}-${index % 2}`.padEnd(63, 'x'), index < 2 ? 'current' : 'new', step),
        ),
      };
    },
  },
];

it(`memory of ${ENDPOINTS} endpoints' series`, async () => {
  const names = Array.from({ length: ENDPOINTS }, (_, index) => ({
    namespace: `team-${index % 50}`,
    name: `endpoint-${index}`,
    uid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  }));
  for (const shape of shapes) {
    let book: SeriesBook | undefined = new SeriesBook();
    const baseline = await liveBytes();
    names.forEach(({ namespace, name, uid }, index) => {
      for (let step = 0; step < shape.steps; step++)
        book!.observe(namespace, name, uid, step * 1000, shape.sample(step, index));
    });
    const after = await liveBytes();
    const perEndpoint = (after - baseline) / ENDPOINTS;
    const points = book.points(names[0]!.namespace, names[0]!.name, shape.steps * 1000).length;
    console.log(
      `${shape.label}: ${points} points each; ${((after - baseline) / 1048576).toFixed(1)} MiB per ${ENDPOINTS} endpoints ` +
        `(${(perEndpoint / 1024).toFixed(1)} KiB each, ${(perEndpoint / STATED_BOUND_BYTES).toFixed(2)}x the stated 43 KiB bound; ` +
        `${((perEndpoint * 5000) / 1048576).toFixed(0)} MiB for 5,000) over a baseline of ${(baseline / 1048576).toFixed(1)} MiB`,
    );
    book = undefined;
  }
}, 600_000);
