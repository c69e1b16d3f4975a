import { describe, expect, it } from 'vitest';
import type { RecordedPoint } from '@/lib/endpoints/series-sample';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { planVerdict, wholePeriodsWithin } from './verdict-plan';

const at = (iso: string) => Date.parse(iso);
const endpoint = (status: Endpoint['status']): Endpoint => ({
  metadata: { name: 'shop', namespace: 'ml', uid: 'u1' },
  spec: { endpointName: 'shop', endpointConfigName: 'shop-v2' },
  status,
});
const updating = (stage: string, stageStart: string) =>
  endpoint({
    endpointStatus: 'Updating',
    productionVariants: [{ variantName: 'blue', currentWeight: 1, currentInstanceCount: 2 }],
    pendingDeploymentSummary: {
      endpointConfigName: 'shop-v2',
      startTime: '2026-12-06T10:00:00Z',
      productionVariants: [
        { variantName: 'blue', currentWeight: 1, variantStatus: [{ status: stage, startTime: stageStart }] },
      ],
    },
  });

describe('planVerdict during a deployment', () => {
  it('compares the new config since traffic with the old config over the same window, when known', () => {
    const plan = planVerdict(
      updating('Baking', '2026-12-06T10:05:00Z'),
      { uid: 'u1', liveConfigName: 'shop-v1', deployingTo: 'shop-v2', busy: true },
      [],
      at('2026-12-06T10:15:00Z'),
    );
    expect(plan).toEqual({
      newConfig: 'shop-v2',
      newVariants: ['blue'],
      canary: { from: at('2026-12-06T10:05:00Z'), to: at('2026-12-06T10:15:00Z') },
      baseline: {
        kind: 'old-fleet',
        config: 'shop-v1',
        variants: ['blue'],
        window: { from: at('2026-12-06T10:05:00Z'), to: at('2026-12-06T10:15:00Z') },
      },
      ended: false,
    });
  });

  it('falls back to an equal window before the deployment started when the old config is unknown', () => {
    const plan = planVerdict(
      updating('ActivatingTraffic', '2026-12-06T10:05:00Z'),
      undefined,
      [],
      at('2026-12-06T10:15:00Z'),
    );
    expect(plan?.baseline).toEqual({
      kind: 'before-deployment',
      variants: ['blue'],
      window: { from: at('2026-12-06T09:50:00Z'), to: at('2026-12-06T10:00:00Z') },
    });
  });

  it('has nothing to judge before the new fleet takes traffic', () => {
    expect(planVerdict(updating('Creating', '2026-12-06T10:05:00Z'), undefined, [], at('2026-12-06T10:15:00Z'))).toBe(
      undefined,
    );
  });
});

describe('planVerdict after a deployment', () => {
  const recorded: RecordedPoint[] = [
    { at: at('2026-12-06T09:00:00Z'), status: 'InService', variants: [{ name: 'blue', fleet: 'current' }] },
    {
      at: at('2026-12-06T10:00:00Z'),
      status: 'Updating',
      variants: [
        { name: 'blue', fleet: 'current' },
        { name: 'blue', fleet: 'new' },
      ],
    },
    {
      at: at('2026-12-06T10:05:00Z'),
      status: 'Updating',
      newFleetShare: 0.1,
      variants: [
        { name: 'blue', fleet: 'current' },
        { name: 'blue', fleet: 'new' },
      ],
    },
    { at: at('2026-12-06T10:20:00Z'), status: 'InService', variants: [{ name: 'blue', fleet: 'current' }] },
  ];
  const done = endpoint({ endpointStatus: 'InService', productionVariants: [{ variantName: 'blue' }] });

  it('judges the deployment as it stood when it ended, for an hour', () => {
    const plan = planVerdict(done, { uid: 'u1', liveConfigName: 'shop-v2' }, recorded, at('2026-12-06T11:00:00Z'));
    expect(plan).toMatchObject({
      newConfig: 'shop-v2',
      ended: true,
      canary: { from: at('2026-12-06T10:05:00Z'), to: at('2026-12-06T10:20:00Z') },
      baseline: {
        kind: 'before-deployment',
        window: { from: at('2026-12-06T09:45:00Z'), to: at('2026-12-06T10:00:00Z') },
      },
    });
    expect(planVerdict(done, undefined, recorded, at('2026-12-06T11:20:01Z'))).toBe(undefined);
  });

  it('judges the deployment while SageMaker rolls it back, as it stood when the new fleet left the status', () => {
    const rollingBack = endpoint({ endpointStatus: 'RollingBack', productionVariants: [{ variantName: 'blue' }] });
    // This replica saw shop-v1 running before the update, and SageMaker still runs it while rolling back.
    const memory = { uid: 'u1', liveConfigName: 'shop-v1' };
    const plan = planVerdict(rollingBack, memory, recorded, at('2026-12-06T10:21:00Z'));
    expect(plan).toMatchObject({
      newConfig: 'shop-v2',
      ended: true,
      canary: { from: at('2026-12-06T10:05:00Z'), to: at('2026-12-06T10:20:00Z') },
      baseline: { kind: 'old-fleet', config: 'shop-v1' },
    });
  });
});

describe('wholePeriodsWithin', () => {
  it('keeps whole periods only', () => {
    expect(wholePeriodsWithin({ from: 1_500, to: 9_500 }, 1_000)).toEqual({ from: 2_000, to: 9_000 });
  });
});
