import { beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '../../lib/schemas/deployment-config';
import type { Timings } from '../timings';
import { isNotFound, SageMakerError } from './errors';
import { SimulatedSageMaker } from './service';
import type { Faults } from './types';

// One simulated second is one millisecond here, so durations read as seconds.
const timings: Timings = {
  scale: 0.001,
  createSeconds: 300,
  instanceLaunchSeconds: 200,
  trafficStepSeconds: 30,
  rollbackSeconds: 100,
  deleteSeconds: 60,
};
const here = { partition: 'aws', region: 'us-west-2', account: '123456789012' };

let now: number;
let alarms: Record<string, 'OK' | 'ALARM'>;
let faults: Record<string, Faults>;
let sagemaker: SimulatedSageMaker;

function model(name: string, image = `repo/${name}:1`) {
  sagemaker.createModel(here, { modelName: name, primaryContainer: { image } });
}
function config(
  name: string,
  variants: { name: string; model: string; count?: number; weight?: number; type?: string }[],
) {
  sagemaker.createEndpointConfig(here, {
    endpointConfigName: name,
    productionVariants: variants.map((v) => ({
      variantName: v.name,
      modelName: v.model,
      instanceType: v.type ?? 'ml.c5.large',
      initialInstanceCount: v.count ?? 2,
      initialVariantWeight: v.weight ?? 1,
    })),
  });
}
const describe_ = (name = 'ep') => sagemaker.describeEndpoint(here, name);
const at = (seconds: number) => (now = 1_000_000 + seconds);

beforeEach(() => {
  now = 1_000_000;
  alarms = {};
  faults = {};
  sagemaker = new SimulatedSageMaker(
    { models: {}, endpointConfigs: {}, endpoints: {} },
    {
      now: () => now,
      timings,
      alarmState: (name) => alarms[name] ?? 'OK',
      faultsFor: (name) => faults[name] ?? {},
      configNameWhileUpdating: 'new',
      onChange: () => {},
    },
  );
  model('m1');
  model('m2', 'repo/m2@sha256:abc');
  config('c1', [{ name: 'a', model: 'm1', count: 4 }]);
});

function inService() {
  sagemaker.createEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c1' });
  at(300);
  expect(describe_().endpointStatus).toBe('InService');
}

describe('create', () => {
  it('is Creating with a pending summary and no variants, then InService with the fleet and resolved images', () => {
    sagemaker.createEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c1' });
    at(150);
    const creating = describe_();
    expect(creating.endpointStatus).toBe('Creating');
    expect(creating.productionVariants).toBeUndefined();
    expect(creating.pendingDeploymentSummary?.productionVariants?.[0]).toMatchObject({
      variantName: 'a',
      currentInstanceCount: 2,
      desiredInstanceCount: 4,
      currentWeight: 0,
      variantStatus: [{ status: 'Creating', statusMessage: 'Launching 4 instance(s).' }],
    });
    at(300);
    const done = describe_();
    expect(done.endpointStatus).toBe('InService');
    expect(done.pendingDeploymentSummary).toBeUndefined();
    expect(done.productionVariants?.[0]).toMatchObject({
      currentInstanceCount: 4,
      desiredInstanceCount: 4,
      currentWeight: 1,
    });
    expect(done.productionVariants?.[0]?.deployedImages?.[0]?.resolvedImage).toMatch(/^repo\/m1@sha256:[0-9a-f]{64}$/);
  });

  it('fails with the injected reason and no variants', () => {
    faults.ep = { failCreate: 'Failed to download model data.' };
    sagemaker.createEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c1' });
    at(300);
    expect(describe_()).toMatchObject({ endpointStatus: 'Failed', failureReason: 'Failed to download model data.' });
    expect(describe_().productionVariants).toBeUndefined();
  });

  it('refuses an unknown config and a bad name with ValidationException', () => {
    expect(() => sagemaker.createEndpoint(here, { endpointName: 'ep', endpointConfigName: 'nope' })).toThrow(
      /Could not find endpoint configuration/,
    );
    expect(() => sagemaker.createEndpoint(here, { endpointName: 'bad_name', endpointConfigName: 'c1' })).toThrow(
      SageMakerError,
    );
  });

  it('answers Describe of a missing endpoint with the not-found prefix', () => {
    let error: unknown;
    try {
      describe_('missing');
    } catch (caught) {
      error = caught;
    }
    expect(isNotFound(error)).toBe(true);
  });
});

const canary: DeploymentConfig = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] },
  blueGreenUpdatePolicy: {
    terminationWaitInSeconds: 60,
    maximumExecutionTimeoutInSeconds: 1800,
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 100,
      canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
    },
  },
};

describe('blue/green canary update', () => {
  beforeEach(() => {
    inService();
    config('c2', [{ name: 'a', model: 'm2', count: 9, weight: 5 }]);
  });

  it('launches, shifts the canary, bakes, shifts the rest, then bakes and waits in one stage, then serves the new config', () => {
    sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2', deploymentConfig: canary });
    const pending = (seconds: number) => {
      at(300 + seconds);
      const d = describe_();
      expect(d.endpointStatus).toBe('Updating');
      return d.pendingDeploymentSummary?.productionVariants?.[0];
    };
    expect(pending(100)).toMatchObject({ currentWeight: 0, desiredWeight: 1, variantStatus: [{ status: 'Creating' }] });
    // The canary is 1 of the variant's 4 instances, so a quarter of its weight.
    expect(pending(210)).toMatchObject({
      currentWeight: 0.25,
      variantStatus: [{ status: 'ActivatingTraffic', statusMessage: 'Turning on traffic for 1 of 4 new instance(s).' }],
    });
    expect(pending(250)).toMatchObject({ currentWeight: 0.25, variantStatus: [{ status: 'Baking' }] });
    expect(pending(340)).toMatchObject({ currentWeight: 1, variantStatus: [{ status: 'ActivatingTraffic' }] });
    // The final bake (100 s) and the termination wait (60 s) are one Baking stage with one start time.
    const finalBake = pending(400);
    expect(finalBake).toMatchObject({ currentWeight: 1, desiredWeight: 1, variantStatus: [{ status: 'Baking' }] });
    expect(pending(500)?.variantStatus).toEqual(finalBake?.variantStatus);
    expect(finalBake?.variantStatus?.[0]?.statusMessage).toBe(
      'Baking for 160 seconds with all traffic on the new fleet.',
    );
    at(300 + 200 + 30 + 100 + 30 + 100 + 60);
    const done = describe_();
    expect(done).toMatchObject({ endpointStatus: 'InService', endpointConfigName: 'c2' });
    // RetainAllVariantProperties: the retained variant keeps 4 instances and weight 1, not 9 and 5.
    expect(done.productionVariants?.[0]).toMatchObject({ desiredInstanceCount: 4, desiredWeight: 1 });
    expect(done.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage).toBe('repo/m2@sha256:abc');
  });

  it('never writes a status message about terminating the old fleet', () => {
    sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2', deploymentConfig: canary });
    for (let seconds = 0; seconds < 520; seconds += 5) {
      at(300 + seconds);
      expect(
        describe_().pendingDeploymentSummary?.productionVariants?.[0]?.variantStatus?.[0]?.statusMessage,
      ).not.toMatch(/terminat/i);
    }
  });

  it('reports the old fleet as productionVariants while Updating', () => {
    sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2', deploymentConfig: canary });
    at(400);
    const updating = describe_();
    expect(updating.endpointConfigName).toBe('c2');
    expect(updating.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage).toBe('repo/m1:1');
    expect(updating.pendingDeploymentSummary?.endpointConfigName).toBe('c2');
  });

  it('rolls back when an alarm fires during a bake, ending InService on the old config with a failure reason', () => {
    sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2', deploymentConfig: canary });
    at(300 + 250);
    alarms.p99 = 'ALARM';
    expect(describe_().endpointStatus).toBe('RollingBack');
    at(300 + 250 + 100);
    const after = describe_();
    expect(after).toMatchObject({ endpointStatus: 'InService', endpointConfigName: 'c1' });
    expect(after.failureReason).toMatch(/p99/);
    expect(after.lastDeploymentConfig).toEqual(canary);
  });

  it('ignores an alarm while the new fleet is still launching', () => {
    sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2', deploymentConfig: canary });
    alarms.p99 = 'ALARM';
    at(300 + 100);
    expect(describe_().endpointStatus).toBe('Updating');
  });

  it('a failed update without rollback stages leaves InService on the old config', () => {
    faults.ep = { failUpdate: 'Failed to download model data for container "a".' };
    sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2' });
    at(300 + 200);
    expect(describe_()).toMatchObject({
      endpointStatus: 'InService',
      endpointConfigName: 'c1',
      failureReason: faults.ep.failUpdate,
    });
  });

  it('refuses an update while one is in progress', () => {
    sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2' });
    expect(() => sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c1' })).toThrow(
      /in-progress/,
    );
  });
});

describe("canary and linear sizes against each variant's instances", () => {
  const routing = (type_: string, size: { type_: string; value: number }): DeploymentConfig => ({
    blueGreenUpdatePolicy: {
      trafficRoutingConfiguration: {
        type_,
        waitIntervalInSeconds: 60,
        ...(type_ === 'CANARY' ? { canarySize: size } : { linearStepSize: size }),
      },
    },
  });

  it.each([
    // Two variants of 4 instances: 3 is 75% of either (refused), though only 37.5% of the endpoint's 8.
    [[4, 4], routing('CANARY', { type_: 'INSTANCE_COUNT', value: 3 }), false],
    [[4, 4], routing('CANARY', { type_: 'INSTANCE_COUNT', value: 2 }), true],
    // 2 and 10 instances: 1 is 50% of the first (accepted), though under 10% of the endpoint's 12.
    [[2, 10], routing('LINEAR', { type_: 'INSTANCE_COUNT', value: 1 }), true],
    [[20, 20], routing('LINEAR', { type_: 'INSTANCE_COUNT', value: 1 }), false],
  ])('variants of %j instances, %j accepted: %s', (counts, deploymentConfig, accepted) => {
    config(
      'multi',
      counts.map((count, index) => ({ name: `v${index}`, model: 'm1', count })),
    );
    sagemaker.createEndpoint(here, { endpointName: 'multi', endpointConfigName: 'multi' });
    at(300);
    config(
      'multi-2',
      counts.map((count, index) => ({ name: `v${index}`, model: 'm2', count })),
    );
    const call = () =>
      sagemaker.updateEndpoint(here, { endpointName: 'multi', endpointConfigName: 'multi-2', deploymentConfig });
    if (accepted) expect(call).not.toThrow();
    else expect(call).toThrow(/of the variant's total instance count/);
  });
});

describe('Marketplace containers', () => {
  const listing = 'arn:aws:sagemaker:us-west-2:594846645681:model-package/fraud-scorer-1-0-abc123';

  it.each([
    ['as the primary container', { primaryContainer: { modelPackageName: listing } }],
    ['as one of several containers', { containers: [{ modelPackageName: listing }] }],
  ])('given by ModelPackageName %s, get no guardrails: all at once, no bake, no alarm watch', (_case, containers) => {
    inService();
    sagemaker.createModel(here, { modelName: 'listing', ...containers });
    config('c2', [{ name: 'a', model: 'listing' }]);
    sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2', deploymentConfig: canary });
    const stage = () => describe_().pendingDeploymentSummary?.productionVariants?.[0]?.variantStatus?.[0]?.status;
    at(300 + 100);
    expect(stage()).toBe('Creating');
    at(300 + 210);
    alarms.p99 = 'ALARM';
    expect(stage()).toBe('ActivatingTraffic');
    at(300 + 200 + 30);
    expect(describe_()).toMatchObject({ endpointStatus: 'InService', endpointConfigName: 'c2' });
    expect(describe_().failureReason).toBeUndefined();
  });
});

describe('rolling update', () => {
  const rolling = (value: number, type_ = 'INSTANCE_COUNT'): DeploymentConfig => ({
    // Alarms, so that batches bake: without them there are no baking periods.
    autoRollbackConfiguration: { alarms: [{ alarmName: 'rolling-errors' }] },
    rollingUpdatePolicy: {
      maximumBatchSize: { type_, value },
      waitIntervalInSeconds: 50,
      maximumExecutionTimeoutInSeconds: 3600,
    },
  });

  beforeEach(() => {
    inService();
    config('c2', [{ name: 'a', model: 'm2' }]);
  });

  it('moves batch by batch: the new fleet grows as the old one shrinks', () => {
    sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2', deploymentConfig: rolling(2) });
    at(300 + 200 + 30 + 10); // first batch baking
    const first = describe_();
    expect(first.pendingDeploymentSummary?.productionVariants?.[0]).toMatchObject({
      currentInstanceCount: 2,
      desiredInstanceCount: 4,
    });
    expect(first.productionVariants?.[0]?.currentInstanceCount).toBe(4);
    at(300 + 280 + 100); // second batch launching
    expect(describe_().productionVariants?.[0]?.currentInstanceCount).toBe(2);
    at(300 + 2 * 280);
    expect(describe_()).toMatchObject({ endpointStatus: 'InService', endpointConfigName: 'c2' });
  });

  it('ends UpdateRollbackFailed when the rollback of a rolling update fails', () => {
    faults.ep = { failRollback: true };
    sagemaker.updateEndpoint(here, {
      endpointName: 'ep',
      endpointConfigName: 'c2',
      deploymentConfig: { ...rolling(1), autoRollbackConfiguration: { alarms: [{ alarmName: 'errors' }] } },
    });
    at(300 + 200 + 10);
    alarms.errors = 'ALARM';
    expect(describe_().endpointStatus).toBe('RollingBack');
    at(300 + 200 + 10 + 100);
    expect(describe_().endpointStatus).toBe('UpdateRollbackFailed');
    expect(describe_().failureReason).toMatch(/errors/);
  });

  it.each([
    [rolling(1), true], // 25%
    [rolling(2), true], // 50%
    [rolling(3), false], // 75%
    [rolling(5, 'CAPACITY_PERCENT'), true],
    [rolling(4, 'CAPACITY_PERCENT'), false],
    [rolling(51, 'CAPACITY_PERCENT'), false],
  ])('applies the 5-50%% batch guardrail (%j)', (deploymentConfig, accepted) => {
    const call = () =>
      sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2', deploymentConfig });
    if (accepted) expect(call).not.toThrow();
    else expect(call).toThrow(/between 5% and 50%/);
  });

  it.each([
    [{ type_: 'CAPACITY_PERCENT', value: 100 }, true], // the documented default: the whole old fleet at once
    [{ type_: 'INSTANCE_COUNT', value: 4 }, true],
    [{ type_: 'INSTANCE_COUNT', value: 1 }, true],
    [{ type_: 'INSTANCE_COUNT', value: 0 }, false],
    [{ type_: 'INSTANCE_COUNT', value: 5 }, false],
    [{ type_: 'CAPACITY_PERCENT', value: 101 }, false],
  ])('takes a rollback batch of 1 instance up to the whole fleet (%j)', (rollbackMaximumBatchSize, accepted) => {
    const deploymentConfig = rolling(1);
    deploymentConfig.rollingUpdatePolicy = { ...deploymentConfig.rollingUpdatePolicy, rollbackMaximumBatchSize };
    const call = () =>
      sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c2', deploymentConfig });
    if (accepted) expect(call).not.toThrow();
    else expect(call).toThrow(/rollbackMaximumBatchSize must be at least 1 and at most 100%/);
  });

  it('is refused for a multi-variant endpoint', () => {
    config('c3', [
      { name: 'a', model: 'm1' },
      { name: 'b', model: 'm2' },
    ]);
    expect(() =>
      sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c3', deploymentConfig: rolling(1) }),
    ).toThrow(/more than one production variant/);
  });
});

describe('guardrail validation', () => {
  beforeEach(() => {
    inService();
    config('c2', [{ name: 'a', model: 'm2' }]);
  });
  const update =
    (deploymentConfig: DeploymentConfig, configName = 'c2') =>
    () =>
      sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: configName, deploymentConfig });
  const blueGreen = (routing: object, extra: object = {}): DeploymentConfig => ({
    blueGreenUpdatePolicy: { trafficRoutingConfiguration: { waitIntervalInSeconds: 60, ...routing }, ...extra },
  });

  it.each([
    [{ type_: 'CANARY', canarySize: { type_: 'CAPACITY_PERCENT', value: 50 } }, true],
    [{ type_: 'CANARY', canarySize: { type_: 'CAPACITY_PERCENT', value: 51 } }, false],
    [{ type_: 'CANARY', canarySize: { type_: 'INSTANCE_COUNT', value: 2 } }, true],
    [{ type_: 'CANARY', canarySize: { type_: 'INSTANCE_COUNT', value: 3 } }, false],
    [{ type_: 'LINEAR', linearStepSize: { type_: 'CAPACITY_PERCENT', value: 10 } }, true],
    [{ type_: 'LINEAR', linearStepSize: { type_: 'CAPACITY_PERCENT', value: 9 } }, false],
    [{ type_: 'LINEAR', linearStepSize: { type_: 'CAPACITY_PERCENT', value: 50 } }, true],
    [{ type_: 'LINEAR', linearStepSize: { type_: 'CAPACITY_PERCENT', value: 51 } }, false],
    [{ type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 3600 }, true],
    [{ type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 3601 }, false],
  ])('traffic routing %j accepted: %s', (routing, accepted) => {
    if (accepted) expect(update(blueGreen(routing))).not.toThrow();
    else expect(update(blueGreen(routing))).toThrow(SageMakerError);
  });

  it.each([
    [599, false],
    [600, true],
    [28800, true],
    [28801, false],
  ])('execution timeout %i accepted: %s', (timeout, accepted) => {
    const call = update(blueGreen({ type_: 'ALL_AT_ONCE' }, { maximumExecutionTimeoutInSeconds: timeout }));
    if (accepted) expect(call).not.toThrow();
    else expect(call).toThrow(/between 600 and 28800/);
  });

  it('wants 1 to 10 alarms with names', () => {
    const withAlarms = (names: string[]) => ({
      ...blueGreen({ type_: 'ALL_AT_ONCE' }),
      autoRollbackConfiguration: { alarms: names.map((alarmName) => ({ alarmName })) },
    });
    expect(update(withAlarms([]))).toThrow(/between 1 and 10/);
    expect(update(withAlarms(Array.from({ length: 11 }, (_, i) => `a${i}`)))).toThrow(/between 1 and 10/);
    expect(update(withAlarms(['  ']))).toThrow(/alarmName/);
  });

  it('wants one policy only and the same variant names', () => {
    expect(
      update({
        ...blueGreen({ type_: 'ALL_AT_ONCE' }),
        rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 0 },
      }),
    ).toThrow(/Only one of/);
    config('renamed', [{ name: 'b', model: 'm2' }]);
    expect(update(blueGreen({ type_: 'ALL_AT_ONCE' }), 'renamed')).toThrow(/variant names/);
  });
});

describe('moving between instances and serverless capacity', () => {
  function serverlessConfig(name: string, variantName = 'a') {
    sagemaker.createEndpointConfig(here, {
      endpointConfigName: name,
      productionVariants: [
        { variantName, modelName: 'm2', serverlessConfig: { memorySizeInMB: 2048, maxConcurrency: 5 } },
      ],
    });
  }

  it.each([
    ['the same variant', 'a'],
    ['a renamed variant', 'b'],
  ])(
    'refuses an instance-backed endpoint moved to serverless (%s) with a ValidationException',
    (_case, variantName) => {
      inService();
      serverlessConfig('serverless', variantName);
      let error: unknown;
      try {
        sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'serverless' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(SageMakerError);
      expect(error).toMatchObject({
        code: 'ValidationException',
        message: expect.stringMatching(/real-time endpoint to a serverless endpoint is not supported/),
      });
      expect(describe_()).toMatchObject({ endpointStatus: 'InService', endpointConfigName: 'c1' });
    },
  );

  it('lets a serverless endpoint move to instances (permissive: the guide once allowed it and now is silent)', () => {
    serverlessConfig('serverless');
    sagemaker.createEndpoint(here, { endpointName: 'ep', endpointConfigName: 'serverless' });
    at(300);
    expect(() => sagemaker.updateEndpoint(here, { endpointName: 'ep', endpointConfigName: 'c1' })).not.toThrow();
    expect(describe_().endpointStatus).toBe('Updating');
  });
});

describe('delete', () => {
  it('reports Deleting, then the endpoint is gone', () => {
    inService();
    sagemaker.deleteEndpoint(here, 'ep');
    expect(describe_().endpointStatus).toBe('Deleting');
    at(300 + 60);
    expect(() => describe_()).toThrow(/Could not find endpoint/);
  });
});
