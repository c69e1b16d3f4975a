import { describe, expect, it } from 'vitest';
import { endpointSummarySchema } from '@/lib/api/endpoint-summary';
import { expectedRolloutSeconds } from '@/lib/rollout/expected-duration';
import {
  condition,
  makeConfig,
  makeEndpoint,
  makeModel,
  referenceConfig,
  referenceEndpoint,
  referenceModel,
  runningVariant,
  xgboostImage,
} from './fixtures.test-support';
import { summarizeEndpoint } from './summarize-endpoint';

const canary = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] },
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 600,
      canarySize: { type_: 'CAPACITY_PERCENT', value: 10 },
    },
  },
};

describe('summarizeEndpoint: what the monitoring pages need', () => {
  it('carries the deployment policy and the time its plan takes for the running fleet (controller fixture)', () => {
    const endpoint = referenceEndpoint('readone/observed/updating_deployment.yaml');
    const summary = summarizeEndpoint(endpoint, []);
    expect(summary.deploymentConfig).toEqual(endpoint.spec.deploymentConfig);
    // The running fleet has 3 instances; the plan for 3 differs from the plan for 1, so the count matters.
    expect(summary.expectedDeploymentSeconds).toBe(expectedRolloutSeconds(endpoint.spec.deploymentConfig, 3));
    expect(expectedRolloutSeconds(endpoint.spec.deploymentConfig, 3)).not.toBe(
      expectedRolloutSeconds(endpoint.spec.deploymentConfig, 1),
    );
  });

  it('sizes the plan by the desired count, which a rolling update does not shrink', () => {
    const running = { ...runningVariant('a', 1, 'img:1'), desiredInstanceCount: 4 };
    const rolling = {
      rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 60 },
    };
    const summary = summarizeEndpoint(
      makeEndpoint({
        spec: { deploymentConfig: rolling },
        status: { endpointStatus: 'Updating', productionVariants: [running] },
      }),
      [],
    );
    expect(summary.expectedDeploymentSeconds).toBe(expectedRolloutSeconds(rolling, 4));
    expect(summary.expectedDeploymentSeconds).not.toBe(expectedRolloutSeconds(rolling, 1));
  });

  it('plans each variant by its own instances: two variants step in parallel, not as one fleet of their sum', () => {
    const linear = {
      autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] },
      blueGreenUpdatePolicy: {
        trafficRoutingConfiguration: {
          type_: 'LINEAR',
          waitIntervalInSeconds: 300,
          linearStepSize: { type_: 'INSTANCE_COUNT', value: 1 },
        },
      },
    };
    const summary = summarizeEndpoint(
      makeEndpoint({
        spec: { deploymentConfig: linear },
        status: {
          endpointStatus: 'Updating',
          productionVariants: [runningVariant('a', 4, 'img:1'), runningVariant('b', 2, 'img:1')],
        },
      }),
      [],
    );
    expect(summary.expectedDeploymentSeconds).toBe(expectedRolloutSeconds(linear, 6, [], [4, 2]));
    expect(summary.expectedDeploymentSeconds).not.toBe(expectedRolloutSeconds(linear, 6));
  });

  it.each([
    [
      'no policy',
      makeEndpoint({ status: { endpointStatus: 'InService', productionVariants: [runningVariant('a', 2, 'img:1')] } }),
    ],
    [
      'a create, which follows no policy',
      makeEndpoint({ spec: { deploymentConfig: canary }, status: { endpointStatus: 'Creating' } }),
    ],
  ])('expects no duration with %s', (_name, endpoint) => {
    const summary = summarizeEndpoint(endpoint, []);
    expect(summary).not.toHaveProperty('expectedDeploymentSeconds');
  });

  it('lists the variants the spec config asks for with their models’ images (upstream examples)', () => {
    const endpoint = referenceEndpoint('readone/observed/inservice_no_failure_after_describe.yaml');
    const config = referenceConfig('endpoint_config_single_variant.yaml', endpoint.spec.endpointConfigName);
    const model = referenceModel('xgboost_model.yaml');
    expect(summarizeEndpoint(endpoint, [config], [model]).specVariants).toEqual([
      { name: 'variant-1', modelName: model.spec.modelName, images: [xgboostImage] },
    ]);
    // Without models the variants are still there, without images.
    expect(summarizeEndpoint(endpoint, [config]).specVariants).toEqual([
      { name: 'variant-1', modelName: model.spec.modelName },
    ]);
    // The config is found by spec.endpointConfigName, so another config gives nothing.
    expect(
      summarizeEndpoint(endpoint, [referenceConfig('endpoint_config_single_variant.yaml', 'other')]),
    ).not.toHaveProperty('specVariants');
  });

  it('reads every container of a multi-container model', () => {
    const endpoint = makeEndpoint({ configName: 'cfg' });
    const summary = summarizeEndpoint(
      endpoint,
      [makeConfig('cfg', [{ variant: 'a', model: 'm' }])],
      [makeModel('m', 'img:1', 'sidecar:2')],
    );
    expect(summary.specVariants).toEqual([{ name: 'a', modelName: 'm', images: ['img:1', 'sidecar:2'] }]);
  });

  it('joins the old fleet of a deployment with the config a Fleetdeck rollout says it replaced', () => {
    const pending = {
      endpointConfigName: 'cfg-v2',
      productionVariants: [
        { variantName: 'a', currentInstanceCount: 1, desiredInstanceCount: 2, instanceType: 'ml.g5.xlarge' },
      ],
    };
    const endpoint = makeEndpoint({
      status: {
        endpointStatus: 'Updating',
        productionVariants: [runningVariant('a', 2, 'img:1')],
        pendingDeploymentSummary: pending,
      },
    });
    const old = makeConfig('cfg-v1', [{ variant: 'a', model: 'm1', instanceType: 'ml.m5.large' }]);
    const next = makeConfig('cfg-v2', [{ variant: 'a', model: 'm2', instanceType: 'ml.g5.xlarge' }]);
    const recorded = {
      ...next,
      metadata: { ...next.metadata, annotations: { 'fleetdeck.io/previous-config': 'cfg-v1' } },
    };
    const summary = summarizeEndpoint(endpoint, [old, recorded]);
    expect(summary.variants[0]).toMatchObject({ instanceType: 'ml.m5.large', modelName: 'm1' });
    expect(summary.deployment?.variants[0]).toMatchObject({ instanceType: 'ml.g5.xlarge', modelName: 'm2' });
    expect(summary.deployment?.previousConfig).toEqual({ name: 'cfg-v1' });
    // A config made elsewhere does not say what it replaced: the old fleet's config stays unknown, never guessed.
    const elsewhere = summarizeEndpoint(endpoint, [old, next]);
    expect(elsewhere.variants[0]).toMatchObject({ instanceType: undefined, modelName: undefined });
    expect(elsewhere.deployment?.previousConfig).toEqual({ unknown: 'not-seen' });
  });

  it('names the old fleet of an update made elsewhere from what the server saw it run InService', () => {
    const endpoint = makeEndpoint({
      configName: 'cfg-v2',
      spec: { deploymentConfig: canary },
      status: {
        endpointStatus: 'Updating',
        productionVariants: [runningVariant('a', 10, 'img:1')],
        pendingDeploymentSummary: {
          endpointConfigName: 'cfg-v2',
          productionVariants: [
            {
              ...runningVariant('a', 10, 'img:2'),
              currentWeight: 0.1,
              instanceType: 'ml.g5.xlarge',
              variantStatus: [{ status: 'Baking' }],
            },
          ],
        },
      },
    });
    const old = makeConfig('cfg-v1', [{ variant: 'a', model: 'm1', instanceType: 'ml.m5.large' }]);
    const next = makeConfig('cfg-v2', [{ variant: 'a', model: 'm2', instanceType: 'ml.g5.xlarge' }]);
    const seen = summarizeEndpoint(endpoint, [old, next], [], { liveConfigName: 'cfg-v1', deployingTo: 'cfg-v2' });
    expect(seen.variants[0]).toMatchObject({ instanceType: 'ml.m5.large', modelName: 'm1' });
    expect(seen.deployment).toMatchObject({ configName: 'cfg-v2', previousConfig: { name: 'cfg-v1' } });
    // The canary of 10 % of 10 instances is on: a tenth of the endpoint's traffic, derived.
    expect(seen.deployment?.newFleetShare).toBeCloseTo(0.1, 9);
    const restarted = summarizeEndpoint(endpoint, [old, next], [], {
      deployingTo: 'cfg-v2',
      unknown: 'started-mid-update',
    });
    expect(restarted.variants[0]).toMatchObject({ instanceType: undefined, modelName: undefined });
    expect(restarted.deployment?.previousConfig).toEqual({ unknown: 'started-mid-update' });
    expect(endpointSummarySchema.parse(JSON.parse(JSON.stringify(seen)))).toEqual(JSON.parse(JSON.stringify(seen)));
  });

  it('lists all deployed images only when there is more than one', () => {
    const two = {
      ...runningVariant('a', 1, 'img:1'),
      deployedImages: [{ specifiedImage: 'img:1', resolvedImage: 'img@sha256:1' }, { specifiedImage: 'sidecar:2' }],
    };
    const summary = summarizeEndpoint(
      makeEndpoint({
        status: { endpointStatus: 'InService', productionVariants: [two, runningVariant('b', 1, 'img:1')] },
      }),
      [],
    );
    expect(summary.variants[0]?.images).toEqual([
      { specifiedImage: 'img:1', resolvedImage: 'img@sha256:1' },
      { specifiedImage: 'sidecar:2', resolvedImage: undefined },
    ]);
    expect(summary.variants[1]).not.toHaveProperty('images');
  });

  it('reports a held-back change and the controller error', () => {
    const summary = summarizeEndpoint(referenceEndpoint('update/observed/error_on_update.yaml'), []);
    expect(summary.heldBack?.kind).toBe('retrying');
    expect(summary.controllerError).toEqual({
      type: 'ACK.Recoverable',
      message: 'ServiceUnavailable: Server is down\n\tstatus code: 0, request id:',
    });
  });

  it('does not report the controller waiting on a delete as an error (controller fixture)', () => {
    const summary = summarizeEndpoint(referenceEndpoint('delete/observed/deleting_no_error.yaml'), []);
    expect(summary).not.toHaveProperty('controllerError');
    expect(summary).not.toHaveProperty('heldBack');
  });

  it('puts Terminal before Recoverable', () => {
    const endpoint = makeEndpoint({
      status: {
        endpointStatus: 'InService',
        conditions: [condition('ACK.Recoverable', 'True', 'r'), condition('ACK.Terminal', 'True', 't')],
      },
    });
    expect(summarizeEndpoint(endpoint, []).controllerError).toEqual({ type: 'ACK.Terminal', message: 't' });
  });

  it('survives the wire: the schema keeps every new field', () => {
    const endpoint = makeEndpoint({
      configName: 'cfg-v3',
      submitted: 'cfg-v2',
      spec: { deploymentConfig: canary },
      status: {
        endpointStatus: 'Updating',
        conditions: [condition('ACK.Recoverable', 'True', 'Endpoint in Updating state cannot be modified or deleted.')],
        productionVariants: [
          {
            ...runningVariant('a', 2, 'img:1'),
            deployedImages: [{ specifiedImage: 'img:1' }, { specifiedImage: 'img:2' }],
          },
        ],
        pendingDeploymentSummary: { endpointConfigName: 'cfg-v2', startTime: '2026-01-01T00:00:00Z' },
      },
    });
    const summary = summarizeEndpoint(
      endpoint,
      [makeConfig('cfg-v3', [{ variant: 'a', model: 'm' }])],
      [makeModel('m', 'img:3')],
    );
    expect(summary).toMatchObject({
      heldBack: { kind: 'waiting' },
      specVariants: [{ images: ['img:3'] }],
      deploymentConfig: canary,
    });
    expect(summary.expectedDeploymentSeconds).toBeGreaterThan(0);
    expect(endpointSummarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(
      JSON.parse(JSON.stringify(summary)),
    );
  });

  it('gives the same summary for the same objects, so the stream sends nothing for a restamp', () => {
    const endpoint = referenceEndpoint('readone/observed/updating_deployment.yaml');
    expect(JSON.stringify(summarizeEndpoint(endpoint, []))).toBe(
      JSON.stringify(summarizeEndpoint(structuredClone(endpoint), [])),
    );
  });
});
