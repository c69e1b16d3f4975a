import { describe, expect, it } from 'vitest';
import type { DeploymentConfigInput } from '@/lib/schemas/deployment-config';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { RolloutContext } from './context';
import { draftFromForm } from './draft-from-form';
import { emptyPolicyForm, formFromLive, policyFormFrom } from './draft-from-live';

const context: RolloutContext = {
  endpointStatus: 'InService',
  liveConfigName: 'recommender-ab-1',
  variants: [
    {
      variantName: 'control',
      instanceType: 'ml.g5.xlarge',
      currentInstanceCount: 3,
      desiredInstanceCount: 3,
      serverless: false,
      autoscaling: false,
      modelName: 'two-tower-a',
    },
    {
      variantName: 'challenger',
      instanceType: 'ml.g5.xlarge',
      currentInstanceCount: 1,
      desiredInstanceCount: 1,
      serverless: false,
      autoscaling: false,
      modelName: 'two-tower-b',
    },
  ],
};

const liveConfig: EndpointConfig = {
  metadata: { name: 'recommender-ab-1' },
  spec: {
    endpointConfigName: 'recommender-ab-1',
    kmsKeyID: 'key',
    productionVariants: [
      {
        variantName: 'control',
        modelName: 'two-tower-a',
        instanceType: 'ml.g5.xlarge',
        initialInstanceCount: 3,
        initialVariantWeight: 0.75,
        volumeSizeInGB: 50,
      },
      {
        variantName: 'challenger',
        modelName: 'two-tower-b',
        instanceType: 'ml.g5.xlarge',
        initialInstanceCount: 1,
        initialVariantWeight: 0.25,
      },
    ],
  },
};

const canary: DeploymentConfigInput = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }, { alarmName: 'errors' }] },
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 600,
      canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
    },
    terminationWaitInSeconds: 300,
    maximumExecutionTimeoutInSeconds: 3600,
  },
};

const rolling: DeploymentConfigInput = {
  rollingUpdatePolicy: {
    maximumBatchSize: { type_: 'CAPACITY_PERCENT', value: 25 },
    waitIntervalInSeconds: 300,
    rollbackMaximumBatchSize: { type_: 'CAPACITY_PERCENT', value: 100 },
    maximumExecutionTimeoutInSeconds: 7200,
  },
};

const linear: DeploymentConfigInput = {
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: {
      type_: 'LINEAR',
      waitIntervalInSeconds: 60,
      linearStepSize: { type_: 'CAPACITY_PERCENT', value: 20 },
    },
  },
};

describe('formFromLive', () => {
  it('starts from the live config variants, the endpoint policy and alarms, based on the live config', () => {
    const form = formFromLive(
      { endpointName: 'recommender', endpointConfigName: 'recommender-ab-1', deploymentConfig: canary },
      liveConfig,
      context,
    );
    expect(form.baseConfigName).toBe('recommender-ab-1');
    expect(form.reason).toBe('');
    expect(form.alarms).toEqual(['p99', 'errors']);
    expect(form.policy).toMatchObject({
      kind: 'canary',
      canarySize: { type_: 'INSTANCE_COUNT', value: '1' },
      waitSeconds: '600',
      terminationWaitSeconds: '300',
      timeoutSeconds: '3600',
    });
    expect(
      form.variants.map((variant) => [
        variant.variantName,
        variant.modelName,
        variant.initialInstanceCount,
        variant.initialVariantWeight,
        variant.added,
      ]),
    ).toEqual([
      ['control', 'two-tower-a', '3', '0.75', false],
      ['challenger', 'two-tower-b', '1', '0.25', false],
    ]);
  });

  it.each([
    ['canary', canary],
    ['rolling', rolling],
    ['linear', linear],
  ])('gives back the same %s deploymentConfig when nothing is edited', (_kind, config) => {
    const form = formFromLive(
      { endpointName: 'recommender', endpointConfigName: 'recommender-ab-1', deploymentConfig: config },
      liveConfig,
      context,
    );
    expect(draftFromForm(form).draft.deploymentConfig).toEqual(config);
  });

  it('falls back to the running variants when the live config is not in the cluster', () => {
    const form = formFromLive({ endpointName: 'recommender', endpointConfigName: 'gone' }, null, {
      ...context,
      liveConfigName: 'gone',
    });
    expect(form.baseConfigName).toBe('gone');
    expect(form.policy).toEqual(emptyPolicyForm);
    expect(
      form.variants.map((variant) => [
        variant.variantName,
        variant.modelName,
        variant.instanceType,
        variant.initialInstanceCount,
      ]),
    ).toEqual([
      ['control', 'two-tower-a', 'ml.g5.xlarge', '3'],
      ['challenger', 'two-tower-b', 'ml.g5.xlarge', '1'],
    ]);
  });

  it('reads a serverless variant as serverless with its settings', () => {
    const serverless: EndpointConfig = {
      metadata: { name: 'search' },
      spec: {
        endpointConfigName: 'search',
        productionVariants: [
          {
            variantName: 'AllTraffic',
            modelName: 'ranker',
            serverlessConfig: { memorySizeInMB: 2048, maxConcurrency: 20 },
          },
        ],
      },
    };
    const form = formFromLive({ endpointName: 'search', endpointConfigName: 'search' }, serverless, {
      ...context,
      variants: [],
    });
    expect(form.variants[0]).toMatchObject({
      serverless: true,
      memorySizeInMB: '2048',
      maxConcurrency: '20',
      provisionedConcurrency: '',
      instanceType: '',
    });
  });
});

describe('policyFormFrom', () => {
  it('reads alarms alone as no policy, keeping the alarms', () => {
    expect(policyFormFrom({ autoRollbackConfiguration: { alarms: [{ alarmName: 'a' }] } })).toEqual({
      policy: emptyPolicyForm,
      alarms: ['a'],
    });
  });

  it('reads a blue/green policy with an unknown routing type as all at once', () => {
    expect(
      policyFormFrom({ blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'SOMETHING_NEW' } } }).policy
        .kind,
    ).toBe('all-at-once');
  });
});
