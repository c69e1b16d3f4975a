import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import type { EndpointSpec } from '@/lib/schemas/endpoint';
import type { EndpointConfig, ProductionVariant } from '@/lib/schemas/endpoint-config';
import type { CapacitySize } from './capacity';
import type { RolloutContext } from './context';
import type { PolicyForm, RolloutForm, SizeForm, VariantForm } from './draft-from-form';

const text = (value: number | undefined) => (value === undefined ? '' : String(value));
const sizeForm = (size: CapacitySize | undefined): SizeForm => ({
  type_: size?.type_ === 'INSTANCE_COUNT' ? 'INSTANCE_COUNT' : 'CAPACITY_PERCENT',
  value: text(size?.value),
});

/** A policy form with nothing typed: no policy, percentages for every size. */
export const emptyPolicyForm: PolicyForm = {
  kind: 'none',
  canarySize: sizeForm(undefined),
  linearStepSize: sizeForm(undefined),
  batchSize: sizeForm(undefined),
  rollbackBatchSize: sizeForm(undefined),
  waitSeconds: '',
  terminationWaitSeconds: '',
  timeoutSeconds: '',
};

/**
 * The policy fields and alarm names of a deploymentConfig as the Endpoint holds it (or as a preset gives it).
 * A rolling policy without a blue/green one is rolling; any blue/green policy is canary, linear or all at once
 * by its routing type; alarms alone, or nothing, is no policy.
 */
export function policyFormFrom(config: DeploymentConfig | undefined): { policy: PolicyForm; alarms: string[] } {
  const alarms = (config?.autoRollbackConfiguration?.alarms ?? []).map((alarm) => alarm.alarmName ?? '');
  const rolling = config?.rollingUpdatePolicy;
  const blueGreen = config?.blueGreenUpdatePolicy;
  if (rolling && !blueGreen) {
    return {
      alarms,
      policy: {
        ...emptyPolicyForm,
        kind: 'rolling',
        batchSize: sizeForm(rolling.maximumBatchSize),
        rollbackBatchSize: sizeForm(rolling.rollbackMaximumBatchSize),
        waitSeconds: text(rolling.waitIntervalInSeconds),
        timeoutSeconds: text(rolling.maximumExecutionTimeoutInSeconds),
      },
    };
  }
  if (!blueGreen) return { alarms, policy: emptyPolicyForm };
  const routing = blueGreen.trafficRoutingConfiguration;
  return {
    alarms,
    policy: {
      ...emptyPolicyForm,
      kind: routing?.type_ === 'CANARY' ? 'canary' : routing?.type_ === 'LINEAR' ? 'linear' : 'all-at-once',
      canarySize: sizeForm(routing?.canarySize),
      linearStepSize: sizeForm(routing?.linearStepSize),
      waitSeconds: text(routing?.waitIntervalInSeconds),
      terminationWaitSeconds: text(blueGreen.terminationWaitInSeconds),
      timeoutSeconds: text(blueGreen.maximumExecutionTimeoutInSeconds),
    },
  };
}

/** A variant of a config as form fields; `added` when the endpoint does not run a variant of that name. */
export function variantFormFrom(variant: ProductionVariant, added: boolean): VariantForm {
  return {
    variantName: variant.variantName ?? '',
    added,
    modelName: variant.modelName ?? '',
    serverless: variant.serverlessConfig !== undefined,
    instanceType: variant.instanceType ?? '',
    initialInstanceCount: text(variant.initialInstanceCount),
    initialVariantWeight: text(variant.initialVariantWeight),
    memorySizeInMB: text(variant.serverlessConfig?.memorySizeInMB),
    maxConcurrency: text(variant.serverlessConfig?.maxConcurrency),
    provisionedConcurrency: text(variant.serverlessConfig?.provisionedConcurrency),
  };
}

/**
 * The form as the endpoint runs now: the live config's variants (or, when that config is not in the cluster,
 * the running variants with what the context knows of them), the Endpoint's deploymentConfig and its alarms,
 * based on the live config, with no reason yet.
 */
export function formFromLive(
  endpointSpec: EndpointSpec,
  liveConfig: EndpointConfig | null | undefined,
  context: RolloutContext,
): RolloutForm {
  const variants = liveConfig
    ? liveConfig.spec.productionVariants.map((variant) => variantFormFrom(variant, false))
    : context.variants.map((live) =>
        variantFormFrom(
          {
            variantName: live.variantName,
            modelName: live.modelName,
            instanceType: live.instanceType,
            initialInstanceCount: live.serverless ? undefined : live.desiredInstanceCount,
            ...(live.serverless ? { serverlessConfig: {} } : {}),
          },
          false,
        ),
      );
  const { policy, alarms } = policyFormFrom(endpointSpec.deploymentConfig);
  return {
    baseConfigName: liveConfig?.spec.endpointConfigName ?? context.liveConfigName,
    variants,
    policy,
    alarms,
    reason: '',
  };
}
