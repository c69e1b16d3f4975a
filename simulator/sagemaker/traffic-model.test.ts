import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '../../lib/schemas/deployment-config';
import type { Timings } from '../timings';
import { blueGreenStages } from './deployment-stages';
import { periodMetrics, servingFleets, type ImageProfile, type PublishedMetric } from './traffic-model';
import type { SimEndpoint, SimVariant } from './types';

const timings: Timings = {
  scale: 1,
  createSeconds: 300,
  instanceLaunchSeconds: 200,
  trafficStepSeconds: 30,
  rollbackSeconds: 100,
  deleteSeconds: 60,
};
const location = { partition: 'aws', region: 'us-west-2', account: '123456789012' };
const goodImage = 'repo/model:1';
const badImage = 'repo/model:2';
const profiles: Record<string, ImageProfile> = {
  [badImage]: { modelLatencyMs: 120, errorRate5xx: 0.09, errorRate4xx: 0.005 },
};
const inputs = { requestsPerMinute: 6000, profileOf: (image: string) => profiles[image] };

function variant(name: string, options: Partial<SimVariant> & { image?: string } = {}): SimVariant {
  const { image = goodImage, ...rest } = options;
  return {
    variantName: name,
    instanceType: 'ml.c5.large',
    instanceCount: 4,
    weight: 1,
    images: [{ specifiedImage: image, resolvedImage: `${image}@sha256:0`, resolutionTime: 0 }],
    ...rest,
  };
}

function endpoint(fleet: SimVariant[], changes: Partial<SimEndpoint> = {}): SimEndpoint {
  return {
    location,
    name: 'ep',
    arn: 'arn:aws:sagemaker:us-west-2:123456789012:endpoint/ep',
    createdAt: 0,
    lastModifiedAt: 0,
    status: 'InService',
    configName: 'ep-v1',
    fleet,
    ...changes,
  };
}

const canary: DeploymentConfig = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'errors' }] },
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 3600,
      canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
    },
  },
};

/** An endpoint of four instances on the good image, moving to `image` by a canary of one instance. */
function canaryTo(image: string): SimEndpoint {
  const next = [variant('primary', { image })];
  return endpoint([variant('primary')], {
    status: 'Updating',
    operation: {
      kind: 'update',
      startedAt: 0,
      configName: 'ep-v2',
      fleet: next,
      stages: blueGreenStages(canary, next, timings, true),
      deploymentConfig: canary,
      rolling: false,
      alarms: ['errors'],
      faults: {},
    },
  });
}

// The canary's bake runs from 230 s (launch 200 s, then a 30 s traffic step) for an hour.
const bakeStartMs = 230_000;

/** Every metric of `periods` one-minute periods, starting at `fromMs` and `stepMs` apart. */
function collect(subject: SimEndpoint, periods: number, fromMs = 0, stepMs = 60_000): PublishedMetric[] {
  return Array.from({ length: periods }, (_, index) =>
    periodMetrics(subject, fromMs + index * stepMs, 60, inputs),
  ).flat();
}

const series = (metrics: PublishedMetric[], metricName: string, dimensions: Record<string, string>) =>
  metrics.filter(
    (metric) =>
      metric.metricName === metricName &&
      Object.keys(metric.dimensions).length === Object.keys(dimensions).length &&
      Object.entries(dimensions).every(([key, value]) => metric.dimensions[key] === value),
  );

const sum = (metrics: PublishedMetric[]) =>
  metrics.reduce((total, metric) => total + metric.values.reduce((s, v, i) => s + v * metric.counts[i]!, 0), 0);
const samples = (metrics: PublishedMetric[]) =>
  metrics.reduce((total, metric) => total + metric.counts.reduce((s, c) => s + c, 0), 0);
const average = (metrics: PublishedMetric[]) => sum(metrics) / samples(metrics);

describe('periodMetrics', () => {
  it('splits the load across variants by weight', () => {
    const metrics = collect(endpoint([variant('a', { weight: 1 }), variant('b', { weight: 3 })]), 30);
    const a = sum(series(metrics, 'Invocations', { EndpointName: 'ep', VariantName: 'a' }));
    const b = sum(series(metrics, 'Invocations', { EndpointName: 'ep', VariantName: 'b' }));
    // 6,000 a minute give or take 10 %, for 30 minutes.
    expect(a + b).toBeGreaterThan(0.9 * 6000 * 30);
    expect(a + b).toBeLessThan(1.1 * 6000 * 30);
    expect(b / a).toBeCloseTo(3, 1);
    // With one fleet, its EndpointConfigName series is the mixed one.
    expect(
      sum(series(metrics, 'Invocations', { EndpointName: 'ep', VariantName: 'a', EndpointConfigName: 'ep-v1' })),
    ).toBe(a);
  });

  it('gives the new fleet the canary stage’s share of the variant’s traffic and none while it launches', () => {
    const subject = canaryTo(goodImage);
    const launching = collect(subject, 3);
    expect(
      series(launching, 'Invocations', { EndpointName: 'ep', VariantName: 'primary', EndpointConfigName: 'ep-v2' }),
    ).toEqual([]);

    const baking = collect(subject, 40, bakeStartMs);
    const newFleet = sum(
      series(baking, 'Invocations', { EndpointName: 'ep', VariantName: 'primary', EndpointConfigName: 'ep-v2' }),
    );
    const oldFleet = sum(
      series(baking, 'Invocations', { EndpointName: 'ep', VariantName: 'primary', EndpointConfigName: 'ep-v1' }),
    );
    const mixed = sum(series(baking, 'Invocations', { EndpointName: 'ep', VariantName: 'primary' }));
    expect(newFleet + oldFleet).toBe(mixed);
    // One instance of four takes traffic: a quarter.
    expect(newFleet / mixed).toBeCloseTo(0.25, 1);
    expect(servingFleets(subject, bakeStartMs + 1)).toEqual([
      expect.objectContaining({
        configName: 'ep-v1',
        variants: [expect.objectContaining({ trafficWeight: 0.75, instances: 3 })],
      }),
      expect.objectContaining({
        configName: 'ep-v2',
        variants: [expect.objectContaining({ trafficWeight: 0.25, instances: 1 })],
      }),
    ]);
  });

  it('shows a bad image’s 5XX rate in the new fleet’s series, diluted in the mixed one', () => {
    const baking = collect(canaryTo(badImage), 40, bakeStartMs);
    const errors = (dimensions: Record<string, string>) =>
      average(series(baking, 'Invocation5XXErrors', { EndpointName: 'ep', VariantName: 'primary', ...dimensions }));
    expect(errors({ EndpointConfigName: 'ep-v2' })).toBeGreaterThan(0.08);
    expect(errors({ EndpointConfigName: 'ep-v2' })).toBeLessThan(0.1);
    expect(errors({ EndpointConfigName: 'ep-v1' })).toBeLessThan(0.003);
    // A quarter of the traffic at 9 %, three quarters at 0.1 %: about 2.3 %.
    expect(errors({})).toBeGreaterThan(0.015);
    expect(errors({})).toBeLessThan(0.03);

    const p99 = (metrics: PublishedMetric[]) => {
      const pairs = metrics.flatMap((m) => m.values.map((value, i) => ({ value, count: m.counts[i]! })));
      pairs.sort((x, y) => x.value - y.value);
      let seen = 0;
      const total = pairs.reduce((s, pair) => s + pair.count, 0);
      return pairs.find((pair) => (seen += pair.count) >= 0.99 * total)!.value;
    };
    const latency = (config: string) =>
      series(baking, 'ModelLatency', { EndpointName: 'ep', VariantName: 'primary', EndpointConfigName: config });
    // Microseconds: about 40 ms on the old image, 120 ms on the new, with a tail.
    expect(average(latency('ep-v1'))).toBeGreaterThan(36_000);
    expect(average(latency('ep-v1'))).toBeLessThan(44_000);
    expect(average(latency('ep-v2'))).toBeGreaterThan(110_000);
    expect(p99(latency('ep-v2'))).toBeGreaterThan(1.3 * average(latency('ep-v2')));
  });

  it('publishes CPU and invocations per instance for instances, setup time and no CPU for serverless', () => {
    const names = (subject: SimEndpoint) =>
      [...new Set(periodMetrics(subject, 0, 60, inputs).map((m) => `${m.namespace} ${m.metricName}`))].sort();
    expect(names(endpoint([variant('a')]))).toEqual([
      '/aws/sagemaker/Endpoints CPUUtilization',
      '/aws/sagemaker/Endpoints MemoryUtilization',
      'AWS/SageMaker Invocation4XXErrors',
      'AWS/SageMaker Invocation5XXErrors',
      'AWS/SageMaker Invocations',
      'AWS/SageMaker InvocationsPerInstance',
      'AWS/SageMaker ModelLatency',
      'AWS/SageMaker OverheadLatency',
    ]);
    const serverless = variant('s', {
      instanceType: undefined,
      instanceCount: undefined,
      serverless: { memorySizeInMB: 2048 },
    });
    expect(names(endpoint([serverless]))).toEqual([
      '/aws/sagemaker/Endpoints MemoryUtilization',
      'AWS/SageMaker Invocation4XXErrors',
      'AWS/SageMaker Invocation5XXErrors',
      'AWS/SageMaker Invocations',
      'AWS/SageMaker ModelLatency',
      'AWS/SageMaker ModelSetupTime',
      'AWS/SageMaker OverheadLatency',
    ]);
    // Per instance: the variant's requests over its four instances.
    const metrics = periodMetrics(endpoint([variant('a')]), 0, 60, inputs);
    const perInstance = sum(series(metrics, 'InvocationsPerInstance', { EndpointName: 'ep', VariantName: 'a' }));
    expect(perInstance).toBeCloseTo(
      sum(series(metrics, 'Invocations', { EndpointName: 'ep', VariantName: 'a' })) / 4,
      6,
    );
  });

  it('gives the same numbers for the same inputs and different ones for another period', () => {
    const subject = canaryTo(badImage);
    expect(periodMetrics(subject, 300_000, 60, inputs)).toEqual(
      periodMetrics(structuredClone(subject), 300_000, 60, inputs),
    );
    expect(periodMetrics(subject, 300_000, 60, inputs)).not.toEqual(periodMetrics(subject, 360_000, 60, inputs));
  });

  it('publishes nothing while the endpoint is created, deleted or failed', () => {
    const fleet = [variant('a')];
    expect(periodMetrics(endpoint(fleet, { status: 'Failed' }), 0, 60, inputs)).toEqual([]);
    expect(
      periodMetrics(
        endpoint(fleet, { status: 'Creating', operation: { kind: 'create', startedAt: 0, durationMs: 1 } }),
        0,
        60,
        inputs,
      ),
    ).toEqual([]);
    expect(
      periodMetrics(
        endpoint(fleet, { status: 'Deleting', operation: { kind: 'delete', startedAt: 0, durationMs: 1 } }),
        0,
        60,
        inputs,
      ),
    ).toEqual([]);
  });
});
