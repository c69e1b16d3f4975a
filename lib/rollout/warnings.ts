import type { EndpointConfig, ProductionVariant } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';
import type { DraftVariant, RolloutDraft } from '@/lib/schemas/rollout-request';
import { instances } from './capacity';
import type { RolloutContext } from './context';
import { draftPaths as paths } from './draft-paths';
import { guardrailExclusions } from './guardrail-exclusions';
import { planRollout } from './plan';
import { effectiveVariants } from './retained-variants';
import { documentedTimeoutFloorSeconds } from './validate';
import { sizeFitByVariant } from './validate-capacity';
import { sagemakerLimits as limits } from './sagemaker-limits';

/** Something that will turn out differently from what the draft suggests; not an error. */
export interface RolloutWarning {
  code:
    | 'guardrails-skipped-inf1'
    | 'guardrails-skipped-marketplace'
    | 'retained-instance-count'
    | 'retained-weight'
    | 'autoscaling-instance-type-change'
    | 'autoscaling-variant-removed'
    | 'serverless-to-instances'
    | 'no-alarms'
    | 'timeout-tight'
    | 'size-not-every-variant'
    | 'same-as-live'
    | 'same-as-failed';
  message: string;
  path?: string;
}

const sameServerless = (draft: DraftVariant['serverlessConfig'], config: ProductionVariant['serverlessConfig']) =>
  (draft?.memorySizeInMB ?? undefined) === (config?.memorySizeInMB ?? undefined) &&
  (draft?.maxConcurrency ?? undefined) === (config?.maxConcurrency ?? undefined) &&
  (draft?.provisionedConcurrency ?? undefined) === (config?.provisionedConcurrency ?? undefined);

/**
 * Whether the draft would deploy what the config runs: the same variant names, each with the same model,
 * instance type and serverless settings. Counts and weights of existing variants are kept whatever either says.
 */
export function sameVariantsAs(variants: DraftVariant[], config: EndpointConfig): boolean {
  const configured = config.spec.productionVariants;
  if (configured.length !== variants.length) return false;
  return variants.every((variant) => {
    const other = configured.find((candidate) => candidate.variantName === variant.variantName);
    return (
      other !== undefined &&
      other.modelName === variant.modelName &&
      other.instanceType === variant.instanceType &&
      sameServerless(variant.serverlessConfig, other.serverlessConfig)
    );
  });
}

function guardrailWarnings(draft: RolloutDraft, context: RolloutContext, models?: Model[]): RolloutWarning[] {
  // Without a deploymentConfig the update is all at once anyway: nothing is skipped.
  if (!draft.deploymentConfig) return [];
  const fallback =
    'so this update will move all traffic at once, with no bake and no alarm watch, whatever the policy says.';
  return guardrailExclusions(draft.variants, context, models).map((exclusion): RolloutWarning => {
    const at =
      exclusion.draftIndex === undefined
        ? {}
        : {
            path: paths.variant(
              exclusion.draftIndex,
              exclusion.code === 'inf1-instances' ? 'instanceType' : 'modelName',
            ),
          };
    return exclusion.code === 'inf1-instances'
      ? {
          code: 'guardrails-skipped-inf1',
          message: `Variant "${exclusion.variantName}" runs on ${exclusion.detail}: SageMaker applies no deployment guardrails to Inf1 instances, ${fallback}`,
          ...at,
        }
      : {
          code: 'guardrails-skipped-marketplace',
          message: `Variant "${exclusion.variantName}" runs model "${exclusion.detail}", which uses a model package: if it is an AWS Marketplace container, SageMaker applies no deployment guardrails, ${fallback}`,
          ...at,
        };
  });
}

function variantWarnings(draft: RolloutDraft, context: RolloutContext): RolloutWarning[] {
  const warnings: RolloutWarning[] = [];
  const retainedBy = 'because ACK always updates with RetainAllVariantProperties=true.';
  effectiveVariants(draft.variants, context).forEach((variant, index) => {
    if (variant.ignoredInstanceCount !== undefined) {
      warnings.push({
        code: 'retained-instance-count',
        message: `Variant "${variant.variantName}" keeps its current ${instances(variant.instanceCount)}: the initial instance count ${variant.ignoredInstanceCount} is ignored, ${retainedBy}`,
        path: paths.variant(index, 'initialInstanceCount'),
      });
    }
    if (variant.ignoredWeight !== undefined) {
      warnings.push({
        code: 'retained-weight',
        message: `Variant "${variant.variantName}" keeps its current weight ${variant.weight}: the initial weight ${variant.ignoredWeight} is ignored, ${retainedBy}`,
        path: paths.variant(index, 'initialVariantWeight'),
      });
    }
    const from = variant.live?.instanceType;
    const to = draft.variants[index]?.instanceType;
    if (variant.live?.autoscaling && from !== undefined && to !== undefined && from !== to) {
      warnings.push({
        code: 'autoscaling-instance-type-change',
        message: `Variant "${variant.variantName}" is auto-scaled and its instance type changes from ${from} to ${to}: SageMaker refuses to change the instance type of a variant registered with Application Auto Scaling. Remove its scaling policies and deregister it first, or the update will fail.`,
        path: paths.variant(index, 'instanceType'),
      });
    }
  });
  // The guide refuses instances → serverless (validate.ts) and says nothing of the way back: allowed, with a warning.
  draft.variants.forEach((variant, index) => {
    const live = context.variants.find((candidate) => candidate.variantName === variant.variantName);
    if (live?.serverless && !variant.serverlessConfig) {
      warnings.push({
        code: 'serverless-to-instances',
        message: `Variant "${variant.variantName}" is serverless now and moves to instances: SageMaker's guide neither documents nor forbids this change, so it may be refused. If it is, create a new endpoint instead.`,
        path: paths.variant(index, 'serverlessConfig'),
      });
    }
  });
  // With a deployment policy a removed variant is already an error (validate.ts), so only warn without one.
  for (const live of draft.deploymentConfig ? [] : context.variants) {
    if (live.autoscaling && !draft.variants.some((variant) => variant.variantName === live.variantName)) {
      warnings.push({
        code: 'autoscaling-variant-removed',
        message: `Variant "${live.variantName}" is auto-scaled and the new config removes it: SageMaker refuses to remove a variant registered with Application Auto Scaling. Deregister it first, or the update will fail.`,
        path: paths.variants,
      });
    }
  }
  return warnings;
}

function policyWarnings(draft: RolloutDraft, context: RolloutContext, models?: Model[]): RolloutWarning[] {
  const warnings: RolloutWarning[] = [];
  const config = draft.deploymentConfig;
  const policy = config?.blueGreenUpdatePolicy ?? config?.rollingUpdatePolicy;
  if ((config?.autoRollbackConfiguration?.alarms.length ?? 0) === 0) {
    const wait =
      config?.blueGreenUpdatePolicy?.trafficRoutingConfiguration.waitIntervalInSeconds ??
      config?.rollingUpdatePolicy?.waitIntervalInSeconds ??
      0;
    // Alarms are a prerequisite for baking periods (guide, "Auto-Rollback Configuration and Monitoring").
    const noBake =
      wait > 0 ? ` The ${wait} s wait is not spent baking: SageMaker bakes only while it watches alarms.` : '';
    warnings.push({
      code: 'no-alarms',
      message: `No alarms are set, so SageMaker cannot roll this update back on its own: a bad model keeps its share of traffic until someone acts.${noBake}`,
      path: paths.alarmSection,
    });
  }
  const timeout = policy?.maximumExecutionTimeoutInSeconds;
  if (config && timeout !== undefined) {
    const plan = planRollout(draft, context, models);
    // Below SageMaker's documented floor validate.ts reports an error; above it, Fleetdeck's longer estimate warns.
    if (timeout > (documentedTimeoutFloorSeconds(config) ?? 0) && timeout < plan.expectedTotalSeconds) {
      warnings.push({
        code: 'timeout-tight',
        message: `The maximum execution time (${timeout} s) is shorter than the plan may take with instance launches (about ${plan.expectedTotalSeconds} s): a slow launch would time out and roll back.`,
        path: config?.blueGreenUpdatePolicy ? paths.blueGreenTimeoutSeconds : paths.rollingTimeoutSeconds,
      });
    }
  }
  return warnings;
}

// The other half of validate.ts's permissive reading of "the variant's total instance count" (docs/ack-behaviour.md
// §13.4): a canary or linear step that fits some variants on instances but not others passes validation, and
// each variant it does not fit is named here, since SageMaker may hold the size against that one.
function sizeWarnings(draft: RolloutDraft, context: RolloutContext): RolloutWarning[] {
  const routing = draft.deploymentConfig?.blueGreenUpdatePolicy?.trafficRoutingConfiguration;
  const sizes = [
    { key: 'canarySize', type: 'CANARY', label: 'Canary size' },
    { key: 'linearStepSize', type: 'LINEAR', label: 'Linear step size' },
  ] as const;
  return sizes.flatMap(({ key, type, label }): RolloutWarning[] => {
    const size = routing?.[key];
    if (!size || routing?.type_ !== type) return [];
    const fits = sizeFitByVariant(paths[key].path, size, context.variants, { label, ...limits[key] });
    const fitting = fits.filter((fit) => fit.errors.length === 0).map((fit) => `"${fit.variantName}"`);
    if (fitting.length === 0) return [];
    return fits.flatMap((fit) =>
      fit.errors.map((error) => ({
        code: 'size-not-every-variant' as const,
        message: `Variant "${fit.variantName}": ${error.message} It fits ${fitting.join(', ')}, so Fleetdeck lets it through, but the API reference does not say which variant SageMaker holds a size against: it may refuse the update.`,
        path: error.path,
      })),
    );
  });
}

function sameAsWarnings(draft: RolloutDraft, context: RolloutContext, configs: EndpointConfig[]): RolloutWarning[] {
  const byName = (name: string | undefined) => configs.find((config) => config.spec.endpointConfigName === name);
  const warnings: RolloutWarning[] = [];
  const live = byName(context.liveConfigName);
  if (live && sameVariantsAs(draft.variants, live)) {
    warnings.push({
      code: 'same-as-live',
      message: `The variants are the same as those of the live config ${context.liveConfigName}: the update replaces the fleet with an identical one.`,
      path: paths.variants,
    });
  }
  const failed =
    context.failedConfigName !== undefined && context.failedConfigName !== context.liveConfigName
      ? byName(context.failedConfigName)
      : undefined;
  if (failed && sameVariantsAs(draft.variants, failed)) {
    const why = context.failureReason ? ` (${context.failureReason})` : '';
    warnings.push({
      code: 'same-as-failed',
      message: `The variants are the same as those of ${context.failedConfigName}, which SageMaker just rolled back${why}: it will likely fail the same way.`,
      path: paths.variants,
    });
  }
  return warnings;
}

/**
 * Where the rollout will turn out differently from what the draft suggests: guardrails SageMaker skips,
 * counts and weights it keeps, auto-scaled variants it will refuse to change, no automatic rollback, a tight
 * timeout, a step size that does not fit every variant, and a draft that repeats the live config or the one that just failed. `models` and `configs`
 * (the namespace's) enable the checks that need them.
 */
export function rolloutWarnings(
  draft: RolloutDraft,
  context: RolloutContext,
  models?: Model[],
  configs: EndpointConfig[] = [],
): RolloutWarning[] {
  return [
    ...guardrailWarnings(draft, context, models),
    ...variantWarnings(draft, context),
    ...policyWarnings(draft, context, models),
    ...sizeWarnings(draft, context),
    ...sameAsWarnings(draft, context, configs),
  ];
}
