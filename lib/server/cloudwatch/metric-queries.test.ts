import { describe, expect, it } from 'vitest';
import { buildQueries, inBatches, lastWholePeriods, MAX_QUERIES_PER_CALL } from './metric-queries';
import { metricsForVariant, variantMetricSpecs } from '@/lib/endpoints/metric-specs';

describe('buildQueries', () => {
  it('names each query and maps its id back to what it is', () => {
    const { queries, tagOf } = buildQueries(
      [
        {
          tag: 'blue/p99',
          spec: variantMetricSpecs.modelLatencyP99,
          dimensions: { EndpointName: 'shop', VariantName: 'blue' },
        },
        {
          tag: 'blue/cpu',
          spec: variantMetricSpecs.cpuUtilization,
          dimensions: { EndpointName: 'shop', VariantName: 'blue' },
        },
      ],
      60,
    );
    expect(queries[0]).toEqual({
      Id: 'q0',
      ReturnData: true,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/SageMaker',
          MetricName: 'ModelLatency',
          Dimensions: [
            { Name: 'EndpointName', Value: 'shop' },
            { Name: 'VariantName', Value: 'blue' },
          ],
        },
        Period: 60,
        Stat: 'p99',
      },
    });
    expect(queries[1]!.MetricStat!.Metric!.Namespace).toBe('/aws/sagemaker/Endpoints');
    expect(tagOf.get('q1')).toBe('blue/cpu');
  });
});

describe('metricsForVariant', () => {
  it('gives serverless variants a setup time and no instance metrics', () => {
    expect(metricsForVariant(true)).toContain('modelSetupTime');
    expect(metricsForVariant(true)).not.toContain('cpuUtilization');
    expect(metricsForVariant(true)).not.toContain('invocationsPerInstance');
    expect(metricsForVariant(false)).toContain('cpuUtilization');
    expect(metricsForVariant(false)).not.toContain('modelSetupTime');
  });
});

describe('inBatches', () => {
  it('splits past 500 queries a call', () => {
    const items = Array.from({ length: 1201 }, (_, index) => index);
    const batches = inBatches(items);
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 201]);
    expect(batches.flat()).toEqual(items);
    expect(MAX_QUERIES_PER_CALL).toBe(500);
    expect(inBatches([])).toEqual([]);
  });
});

describe('lastWholePeriods', () => {
  it('ends on the last complete period, so every viewer within a period asks the same question', () => {
    const at = Date.parse('2026-12-06T10:00:30Z');
    const window = lastWholePeriods(at, 3600, 60);
    expect(window.to.toISOString()).toBe('2026-12-06T10:00:00.000Z');
    expect(window.from.toISOString()).toBe('2026-12-06T09:00:00.000Z');
    expect(lastWholePeriods(at + 29_999, 3600, 60)).toEqual(window);
    expect(lastWholePeriods(Date.parse('2026-12-06T10:04:59Z'), 6 * 3600, 300).to.toISOString()).toBe(
      '2026-12-06T10:00:00.000Z',
    );
  });
});
