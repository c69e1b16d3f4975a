import { describe, expect, it } from 'vitest';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { makeEndpoint, referenceEndpoint, runningVariant, summaryOf } from './fixtures.test-support';
import { healthCounts, recentlyChanged, rollingOutNow } from './fleet-overview';

const now = new Date('2026-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
const named = (summary: EndpointSummary, name: string, lastChange?: string): EndpointSummary => ({
  ...summary,
  name,
  ...(lastChange !== undefined ? { lastChange } : {}),
});

const healthy = summaryOf(referenceEndpoint('readone/observed/inservice_no_failure_after_describe.yaml'));
const failed = summaryOf(referenceEndpoint('readone/observed/failed_status_on_describe.yaml'));
const creating = summaryOf(referenceEndpoint('readone/observed/creating_after_describe.yaml'));
const deleting = summaryOf(referenceEndpoint('delete/observed/deleting_no_error.yaml'));
const updating = (name: string, startedSecondsAgo: number) =>
  named(
    summaryOf(
      makeEndpoint({
        status: {
          endpointStatus: 'Updating',
          productionVariants: [runningVariant('a', 1, 'img:1')],
          pendingDeploymentSummary: {
            endpointConfigName: 'cfg-v2',
            startTime: ago(startedSecondsAgo),
            productionVariants: [{ variantName: 'a', variantStatus: [{ status: 'Baking', startTime: ago(10) }] }],
          },
        },
      }),
    ),
    name,
  );
const systemUpdating = named(
  summaryOf(
    makeEndpoint({
      status: {
        endpointStatus: 'SystemUpdating',
        lastModifiedTime: ago(300),
        productionVariants: [runningVariant('a', 1, 'img:1')],
      },
    }),
  ),
  'maintenance',
);

describe('healthCounts', () => {
  it('counts every level, zero included', () => {
    expect(healthCounts([healthy, healthy, failed, creating])).toEqual({
      critical: 1,
      warning: 0,
      progressing: 1,
      unknown: 0,
      healthy: 2,
      total: 4,
    });
    expect(healthCounts([])).toEqual({ critical: 0, warning: 0, progressing: 0, unknown: 0, healthy: 0, total: 0 });
  });
});

describe('rollingOutNow', () => {
  it('lists what SageMaker is changing, the longest-running first, with progress where there is a deployment', () => {
    const rolling = rollingOutNow(
      [healthy, updating('recent', 60), failed, systemUpdating, updating('older', 600), deleting],
      now,
    );
    expect(rolling.map((entry) => entry.summary.name)).toEqual(['older', 'maintenance', 'recent']);
    expect(rolling[0]?.progress).toMatchObject({
      elapsedSeconds: 600,
      steps: [{ state: 'done' }, { state: 'done' }, { state: 'current' }],
    });
    expect(rolling[1]).not.toHaveProperty('progress');
  });

  it('includes a create before SageMaker reports a deployment', () => {
    expect(rollingOutNow([creating], now)[0]?.progress?.stage?.status).toBe('Creating');
  });
});

describe('recentlyChanged', () => {
  it('gives the newest changes first, at most `limit`, with how long ago', () => {
    const summaries = [
      named(healthy, 'a', ago(300)),
      named(healthy, 'b', ago(30)),
      named(healthy, 'c', ago(3000)),
      named(healthy, 'd', 'not a time'),
    ];
    expect(recentlyChanged(summaries, now, 2).map((change) => [change.summary.name, change.secondsAgo])).toEqual([
      ['b', 30],
      ['a', 300],
    ]);
    expect(recentlyChanged(summaries, now).map((change) => change.summary.name)).toEqual(['b', 'a', 'c']);
  });

  it('counts a change stamped ahead of the clock as just now', () => {
    expect(recentlyChanged([named(healthy, 'skewed', ago(-5))], now, 5)[0]?.secondsAgo).toBe(0);
  });
});
