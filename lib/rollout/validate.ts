import type { FieldError } from '@/lib/api/error-envelope';
import type { DeploymentConfigInput } from '@/lib/schemas/deployment-config';
import type { DraftVariant, RolloutDraft } from '@/lib/schemas/rollout-request';
import type { CapacitySize } from './capacity';
import type { RolloutContext } from './context';
import { draftPaths as paths } from './draft-paths';
import { gateRollout } from './gating';
import { sagemakerLimits as limits } from './sagemaker-limits';
import { capacitySizeErrors, secondsErrors, sizeFitByVariant, type SizeLimit } from './validate-capacity';

// SageMaker's documented limits on UpdateEndpoint's DeploymentConfig (sagemaker-limits.ts) and the guide's
// deployment guardrails "Exclusions", checked before anything is created so the form and the server's 422 say
// the same thing. Paths are the dotted paths of the request body (draft-paths.ts).

const names = (list: string[]) => list.map((name) => `"${name}"`).join(', ');

function variantErrors(draft: RolloutDraft, context: RolloutContext): FieldError[] {
  const errors: FieldError[] = [];
  draft.variants.forEach((variant, index) => {
    const at = (field: keyof DraftVariant) => paths.variant(index, field);
    const first = draft.variants.findIndex((other) => other.variantName === variant.variantName);
    if (first !== index) {
      errors.push({
        path: at('variantName'),
        message: `Variant name "${variant.variantName}" is already used by variant ${first + 1}; names must be unique.`,
      });
    }
    const live = context.variants.find((candidate) => candidate.variantName === variant.variantName);
    // "Update a serverless endpoint" (Developer Guide): updating a real-time endpoint to serverless is not
    // supported. The other way round the guide is silent, so it is allowed (rolloutWarnings says so).
    if (variant.serverlessConfig && live && !live.serverless) {
      errors.push({
        path: at('serverlessConfig'),
        message: `Variant "${variant.variantName}" runs on instances now: SageMaker cannot update a variant on instances to serverless. Keep it on instances, or create a new endpoint for the serverless variant.`,
      });
    }
    if (variant.serverlessConfig) {
      if (variant.instanceType !== undefined)
        errors.push({
          path: at('instanceType'),
          message: 'A serverless variant takes no instance type; remove it, or remove the serverless settings.',
        });
      if (variant.initialInstanceCount !== undefined)
        errors.push({
          path: at('initialInstanceCount'),
          message: 'A serverless variant takes no instance count; remove it, or remove the serverless settings.',
        });
    } else {
      if (variant.instanceType === undefined)
        errors.push({
          path: at('instanceType'),
          message: 'Instance type is required for a variant on instances (or give serverless settings).',
        });
      if (variant.initialInstanceCount === undefined)
        errors.push({
          path: at('initialInstanceCount'),
          message: `Initial instance count is required for a variant on instances (at least ${limits.initialInstanceCount.min}).`,
        });
    }
  });
  // The same rule for the whole endpoint: every live variant on instances and every new one serverless is a
  // real-time endpoint made serverless, whatever the variants are called.
  const liveOnInstances = context.variants.length > 0 && context.variants.every((variant) => !variant.serverless);
  const draftServerless = draft.variants.length > 0 && draft.variants.every((variant) => variant.serverlessConfig);
  const renamedOnly = !draft.variants.some((variant) =>
    context.variants.some((live) => live.variantName === variant.variantName),
  );
  if (liveOnInstances && draftServerless && renamedOnly) {
    errors.push({
      path: paths.variants,
      message:
        'The endpoint runs on instances now: SageMaker cannot update a real-time endpoint to serverless. Keep a variant on instances, or create a new endpoint for the serverless variants.',
    });
  }
  // Guardrails exclusions: a blue/green or rolling deployment must keep the variant names of the live config.
  if (draft.deploymentConfig && context.variants.length > 0) {
    const live = context.variants.map((variant) => variant.variantName);
    for (const name of live) {
      if (!draft.variants.some((variant) => variant.variantName === name)) {
        errors.push({
          path: paths.variants,
          message: `Variant "${name}" must stay: with a deployment policy the new config must keep every current variant (${names(live)}).`,
        });
      }
    }
    draft.variants.forEach((variant, index) => {
      if (!live.includes(variant.variantName)) {
        errors.push({
          path: paths.variant(index, 'variantName'),
          message: `Variant "${variant.variantName}" is not in the live config: with a deployment policy the new config must have the same variants as the current one (${names(live)}).`,
        });
      }
    });
  }
  return errors;
}

function alarmErrors(config: DeploymentConfigInput): FieldError[] {
  const rollback = config.autoRollbackConfiguration;
  if (!rollback) return [];
  const path = paths.alarms;
  const { min, max } = limits.alarms;
  if (rollback.alarms.length < min)
    return [
      { path, message: `Automatic rollback needs at least ${min} alarm; add one or turn automatic rollback off.` },
    ];
  if (rollback.alarms.length > max)
    return [{ path, message: `Automatic rollback takes at most ${max} alarms; there are ${rollback.alarms.length}.` }];
  return rollback.alarms.flatMap((alarm, index): FieldError[] => {
    const at = paths.alarm(index);
    if (alarm.alarmName.trim() === '') return [{ path: at, message: `Alarm ${index + 1} needs a name.` }];
    if (alarm.alarmName.length > limits.alarmNameMaxLength)
      return [
        {
          path: at,
          message: `Alarm name must be at most ${limits.alarmNameMaxLength} characters; it is ${alarm.alarmName.length}.`,
        },
      ];
    return [];
  });
}

const timeoutRangeErrors = (path: string, timeout: number | undefined) =>
  secondsErrors(path, 'Maximum execution time', timeout, limits.maximumExecutionTimeoutInSeconds);

/**
 * What maximumExecutionTimeoutInSeconds must be larger than, as the API reference states it. BlueGreenUpdatePolicy:
 * "larger than the total waiting time specified in TerminationWaitInSeconds and WaitIntervalInSeconds", i.e. the
 * two values added once each, however many steps the routing takes. RollingUpdatePolicy states no such rule, so
 * a rolling timeout is held to its range only. Fleetdeck's own estimate of the whole plan is a warning
 * ('timeout-tight'), not an error.
 */
export function documentedTimeoutFloorSeconds(config: DeploymentConfigInput): number | undefined {
  const policy = config.blueGreenUpdatePolicy;
  if (!policy || config.rollingUpdatePolicy) return undefined;
  return (policy.terminationWaitInSeconds ?? 0) + (policy.trafficRoutingConfiguration.waitIntervalInSeconds ?? 0);
}

function timeoutErrors(path: string, timeout: number | undefined, config: DeploymentConfigInput): FieldError[] {
  const floor = documentedTimeoutFloorSeconds(config);
  if (timeout === undefined || floor === undefined || timeout > floor) return [];
  const policy = config.blueGreenUpdatePolicy;
  const termination = policy?.terminationWaitInSeconds ?? 0;
  const wait = policy?.trafficRoutingConfiguration.waitIntervalInSeconds ?? 0;
  return [
    {
      path,
      message: `Maximum execution time must be longer than the wait between traffic steps plus the wait before stopping the old fleet (${wait} s + ${termination} s = ${floor} s); it is ${timeout} s.`,
    },
  ];
}

// Canary, linear and batch sizes are measured against "the variant's total instance count" (API reference
// TrafficRoutingConfig, RollingUpdatePolicy), so each variant on instances is checked against its own count.
// Which variant SageMaker holds a size against, on an endpoint with several, the API reference does not say;
// Fleetdeck takes the permissive reading (docs/ack-behaviour.md §13.4): a size that fits at least one variant
// passes, and rolloutWarnings warns about each variant it does not fit. A size that fits none is reported
// against the first. How SageMaker rounds a percentage is not documented either (capacity.ts chooses). With no
// variant on instances the size is checked as a bare percentage.
function perVariantSizeErrors(
  path: string,
  size: CapacitySize,
  context: RolloutContext,
  limit: SizeLimit,
): FieldError[] {
  const fits = sizeFitByVariant(path, size, context.variants, limit);
  if (fits.length === 0) return capacitySizeErrors(path, size, 0, limit);
  if (fits.some((fit) => fit.errors.length === 0)) return [];
  const [first] = fits;
  if (!first || fits.length === 1) return first?.errors ?? [];
  return first.errors.map((error) => ({
    ...error,
    message: `${error.message} (variant "${first.variantName}", measured against its own instances; it fits none of ${names(fits.map((fit) => fit.variantName))})`,
  }));
}

function blueGreenErrors(config: DeploymentConfigInput, context: RolloutContext): FieldError[] {
  const policy = config.blueGreenUpdatePolicy;
  if (!policy) return [];
  const routing = policy.trafficRoutingConfiguration;
  const errors = [
    ...secondsErrors(
      paths.routingWaitSeconds,
      'Wait between traffic steps',
      routing.waitIntervalInSeconds,
      limits.waitIntervalInSeconds,
    ),
    ...secondsErrors(
      paths.terminationWaitSeconds,
      'Wait before stopping the old fleet',
      policy.terminationWaitInSeconds,
      limits.terminationWaitInSeconds,
    ),
    ...timeoutRangeErrors(paths.blueGreenTimeoutSeconds, policy.maximumExecutionTimeoutInSeconds),
  ];
  const sizes = [
    { key: 'canarySize', type: 'CANARY', label: 'Canary size', words: 'canary' },
    { key: 'linearStepSize', type: 'LINEAR', label: 'Linear step size', words: 'linear' },
  ] as const;
  for (const { key, type, label, words } of sizes) {
    const size = routing[key];
    if (routing.type_ === type && !size)
      errors.push({ path: paths[key].path, message: `${label} is required for ${words} traffic routing.` });
    if (routing.type_ !== type && size)
      errors.push({
        path: paths[key].path,
        message: `${label} applies only to ${words} traffic routing; remove it or choose ${words}.`,
      });
    if (routing.type_ === type && size)
      errors.push(...perVariantSizeErrors(paths[key].path, size, context, { label, ...limits[key] }));
  }
  if (errors.length > 0) return errors;
  return timeoutErrors(paths.blueGreenTimeoutSeconds, policy.maximumExecutionTimeoutInSeconds, config);
}

function rollingErrors(config: DeploymentConfigInput, draft: RolloutDraft, context: RolloutContext): FieldError[] {
  const policy = config.rollingUpdatePolicy;
  if (!policy) return [];
  const variants = [
    ...new Set([
      ...context.variants.map((variant) => variant.variantName),
      ...draft.variants.map((variant) => variant.variantName),
    ]),
  ];
  if (variants.length > 1) {
    return [
      {
        path: paths.rolling,
        message: `A rolling update is not available for an endpoint with more than one variant (${names(variants)}); choose a blue/green policy.`,
      },
    ];
  }
  const serverless = [
    ...context.variants.filter((variant) => variant.serverless),
    ...draft.variants.filter((variant) => variant.serverlessConfig),
  ];
  if (serverless.length > 0) {
    return [
      {
        path: paths.rolling,
        message: `A rolling update is not available for a serverless endpoint (variant "${serverless[0]?.variantName}"); choose a blue/green policy.`,
      },
    ];
  }
  return [
    ...secondsErrors(
      paths.rollingWaitSeconds,
      'Wait between batches',
      policy.waitIntervalInSeconds,
      limits.waitIntervalInSeconds,
    ),
    ...timeoutRangeErrors(paths.rollingTimeoutSeconds, policy.maximumExecutionTimeoutInSeconds),
    ...perVariantSizeErrors(paths.batchSize.path, policy.maximumBatchSize, context, {
      label: 'Batch size',
      ...limits.maximumBatchSize,
    }),
    ...(policy.rollbackMaximumBatchSize
      ? perVariantSizeErrors(paths.rollbackBatchSize.path, policy.rollbackMaximumBatchSize, context, {
          label: 'Rollback batch size',
          ...limits.rollbackMaximumBatchSize,
        })
      : []),
  ];
}

function policyErrors(draft: RolloutDraft, context: RolloutContext): FieldError[] {
  const config = draft.deploymentConfig;
  if (!config) return [];
  if (config.blueGreenUpdatePolicy && config.rollingUpdatePolicy) {
    return [
      { path: paths.deploymentConfig, message: 'Choose one update policy: blue/green or rolling, not both.' },
      ...alarmErrors(config),
    ];
  }
  return [...alarmErrors(config), ...blueGreenErrors(config, context), ...rollingErrors(config, draft, context)];
}

/**
 * Everything wrong with a rollout draft for this endpoint, each at the dotted path of its field in the request
 * body: whether the endpoint may take a rollout now (at `draft`), the variants, and the deployment policy
 * against SageMaker's limits and the endpoint's current instance count. Empty when SageMaker should accept it.
 */
export function validateRollout(draft: RolloutDraft, context: RolloutContext): FieldError[] {
  const gate = gateRollout(context);
  return [
    ...(gate.allowed ? [] : [{ path: paths.root, message: gate.reason }]),
    ...variantErrors(draft, context),
    ...policyErrors(draft, context),
  ];
}
