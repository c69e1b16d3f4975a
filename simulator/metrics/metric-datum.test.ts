import { describe, expect, it } from 'vitest';
import type { PublishedMetric } from '../sagemaker/traffic-model';
import { maxDataPerRequest, maxValuesPerDatum, putRequests } from './metric-datum';

const metric = (namespace: string, values: number): PublishedMetric => ({
  namespace,
  metricName: 'ModelLatency',
  unit: 'Microseconds',
  dimensions: { EndpointName: 'ep', VariantName: 'a' },
  values: Array.from({ length: values }, (_, index) => index + 1),
  counts: Array.from({ length: values }, () => 2),
});

describe('putRequests', () => {
  it('sends one namespace a request, within the API’s limits on data and values', () => {
    const requests = putRequests(
      [
        ...Array.from({ length: maxDataPerRequest + 1 }, () => metric('AWS/SageMaker', 3)),
        metric('/aws/sagemaker/Endpoints', 1),
      ],
      60_000,
      60,
    );
    expect(requests.map((request) => [request.namespace, request.data.length])).toEqual([
      ['AWS/SageMaker', maxDataPerRequest],
      ['AWS/SageMaker', 1],
      ['/aws/sagemaker/Endpoints', 1],
    ]);
    expect(requests[0]!.data[0]).toEqual({
      MetricName: 'ModelLatency',
      Dimensions: [
        { Name: 'EndpointName', Value: 'ep' },
        { Name: 'VariantName', Value: 'a' },
      ],
      Timestamp: new Date(60_000),
      Values: [1, 2, 3],
      Counts: [2, 2, 2],
      Unit: 'Microseconds',
      StorageResolution: 60,
    });
  });

  it('splits a long histogram and stores periods under a minute at high resolution', () => {
    const [request] = putRequests([metric('AWS/SageMaker', maxValuesPerDatum + 5)], 1_000, 1);
    expect(request!.data.map((datum) => datum.Values!.length)).toEqual([maxValuesPerDatum, 5]);
    expect(request!.data.every((datum) => datum.StorageResolution === 1)).toBe(true);
  });
});
