import { describe, expect, it } from 'vitest';
import type { SeriesVariant } from '@/lib/api/endpoint-series';
import { endpointSchema, type Endpoint } from '@/lib/schemas/endpoint';
import { controllerCase } from '@/test/support/ack-fixtures';
import { seriesSample, withEndpointShares, withTrafficShares } from './series-sample';
import { summarizeEndpoint } from './summarize-endpoint';

const fixture = (path: string): Endpoint => endpointSchema.parse(controllerCase(`endpoint/${path}`));

const running = (name: string, weight: number, count: number) => ({
  variantName: name,
  currentWeight: weight,
  desiredWeight: weight,
  currentInstanceCount: count,
  desiredInstanceCount: count,
});

const canary: Endpoint = {
  metadata: { name: 'ep', namespace: 'ns' },
  spec: { endpointName: 'ep', endpointConfigName: 'cfg-v2' },
  status: {
    endpointStatus: 'Updating',
    conditions: [{ type: 'ACK.ResourceSynced', status: 'False', lastTransitionTime: '2026-11-25T10:00:00Z' }],
    productionVariants: [running('blue', 3, 3), running('green', 1, 1)],
    pendingDeploymentSummary: {
      endpointConfigName: 'cfg-v2',
      productionVariants: [{ ...running('blue', 1, 1), desiredInstanceCount: 3 }, running('green', 0, 0)],
    },
  },
};

describe('seriesSample', () => {
  it('takes status and both fleets of a deployment in progress (ACK fixture)', () => {
    expect(seriesSample(fixture('readone/observed/updating_deployment.yaml'))).toEqual({
      status: 'Updating',
      variants: [
        { name: 'variant-1', fleet: 'current', currentWeight: 1, currentInstanceCount: 3, desiredInstanceCount: 3 },
        { name: 'variant-1', fleet: 'new', currentWeight: 0, currentInstanceCount: 0, desiredInstanceCount: 3 },
      ],
      // The new fleet is launching: none of the endpoint's traffic is on it yet.
      newFleetShare: 0,
    });
  });

  it('is the same after a lastTransitionTime-only restamp', () => {
    const restamped: Endpoint = {
      ...canary,
      status: {
        ...canary.status,
        conditions: [{ type: 'ACK.ResourceSynced', status: 'False', lastTransitionTime: '2026-11-25T10:00:30Z' }],
      },
    };
    expect(seriesSample(restamped)).toEqual(seriesSample(canary));
  });

  it('is only a status when SageMaker reports no variants (Failed), and empty before it reports at all', () => {
    expect(seriesSample(fixture('readone/observed/failed_status_on_describe.yaml'))).toEqual({
      status: 'Failed',
      variants: [],
    });
    expect(seriesSample({ ...canary, status: undefined })).toEqual({ variants: [] });
  });
});

describe('withTrafficShares', () => {
  it('gives each variant its share of its own fleet, as the endpoint summary does', () => {
    const shares = withTrafficShares(seriesSample(canary).variants);
    expect(shares.map((each) => [each.fleet, each.name, each.trafficShare])).toEqual([
      ['current', 'blue', 0.75],
      ['current', 'green', 0.25],
      ['new', 'blue', 1],
      ['new', 'green', 0],
    ]);
    const summary = summarizeEndpoint(canary, []);
    const fromSummary = [...summary.variants, ...(summary.deployment?.variants ?? [])].map((each) => each.trafficShare);
    expect(shares.map((each) => each.trafficShare)).toEqual(fromSummary);
  });

  it('gives no share to a fleet whose weights sum to 0', () => {
    const shares = withTrafficShares(seriesSample(fixture('readone/observed/updating_deployment.yaml')).variants);
    expect(shares.map((each) => each.trafficShare)).toEqual([1, undefined]);
    expect('trafficShare' in shares[1]!).toBe(false);
  });
});

describe('withEndpointShares', () => {
  const shares = (variants: SeriesVariant[], split: number | undefined) =>
    withEndpointShares(variants, split).map((each) => [each.fleet, each.name, each.endpointShare]);

  it('is the share of the fleet when there is one fleet', () => {
    expect(
      shares(
        withTrafficShares(
          seriesSample({ ...canary, status: { productionVariants: canary.status!.productionVariants } }).variants,
        ),
        undefined,
      ),
    ).toEqual([
      ['current', 'blue', 0.75],
      ['current', 'green', 0.25],
    ]);
  });

  it('splits the endpoint between the fleets by the derived share, each fleet among its variants by weight', () => {
    expect(shares(withTrafficShares(seriesSample(canary).variants), 0.2)).toEqual([
      ['current', 'blue', 0.75 * 0.8],
      ['current', 'green', 0.25 * 0.8],
      ['new', 'blue', 0.2],
      ['new', 'green', 0],
    ]);
  });

  it('gives a single new variant with no weight yet its whole fleet share, and nothing when the split is unknown', () => {
    const launching = withTrafficShares(seriesSample(fixture('readone/observed/updating_deployment.yaml')).variants);
    expect(shares(launching, 0)).toEqual([
      ['current', 'variant-1', 1],
      ['new', 'variant-1', 0],
    ]);
    expect(shares(launching, 0.5)).toEqual([
      ['current', 'variant-1', 0.5],
      ['new', 'variant-1', 0.5],
    ]);
    expect(shares(launching, undefined)).toEqual([
      ['current', 'variant-1', undefined],
      ['new', 'variant-1', undefined],
    ]);
  });
});
