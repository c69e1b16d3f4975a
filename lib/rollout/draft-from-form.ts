import type { FieldError } from '@/lib/api/error-envelope';
import type { CapacitySizeType, DeploymentConfigInput, TrafficRoutingType } from '@/lib/schemas/deployment-config';
import { rolloutDraftSchema, type DraftVariant, type RolloutDraft } from '@/lib/schemas/rollout-request';
import type { RolloutContext } from './context';
import { draftPaths, type ServerlessField } from './draft-paths';
import type { PresetId } from './presets';
import { validateRollout } from './validate';

// The rollout form holds what people type (text, so "12a" or a half-typed number survives a re-render and a
// reload), and turns it into the RolloutDraft the API takes. The draft is then judged exactly as the route
// judges the request body: rolloutDraftSchema first, then validateRollout, with the same `draft.` paths.

/** A deployment policy the form offers: none (SageMaker updates all at once) or one shaped like a preset. */
export type PolicyKind = 'none' | PresetId;

export interface SizeForm {
  type_: CapacitySizeType;
  /** Blank means not given. */
  value: string;
}

/** Every policy field at once, so switching the kind back and forth keeps what was typed. */
export interface PolicyForm {
  kind: PolicyKind;
  canarySize: SizeForm;
  linearStepSize: SizeForm;
  batchSize: SizeForm;
  /** Blank value: SageMaker's default (the whole old fleet back at once). */
  rollbackBatchSize: SizeForm;
  /** waitIntervalInSeconds of the traffic routing (blue/green) or of the rolling policy. */
  waitSeconds: string;
  /** Blue/green only; blank means not given. */
  terminationWaitSeconds: string;
  /** maximumExecutionTimeoutInSeconds; blank means not given. */
  timeoutSeconds: string;
}

export interface VariantForm {
  variantName: string;
  /** Not in the live config: its name is editable and it takes its initial count and weight. */
  added: boolean;
  modelName: string;
  serverless: boolean;
  instanceType: string;
  initialInstanceCount: string;
  initialVariantWeight: string;
  memorySizeInMB: string;
  maxConcurrency: string;
  /** Blank means not given. */
  provisionedConcurrency: string;
}

/** The whole rollout form. */
export interface RolloutForm {
  baseConfigName: string;
  variants: VariantForm[];
  policy: PolicyForm;
  /** Alarm names in order; a blank one is an error, not dropped. */
  alarms: string[];
  reason: string;
  presetId?: PresetId;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Reads typed text as a number: blank is undefined (an error when required), anything else not a number is an error. */
function readNumber(text: string, path: string, required: boolean, errors: FieldError[]): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    if (required) errors.push({ path, message: 'Required.' });
    return undefined;
  }
  if (!NUMBER.test(trimmed)) {
    errors.push({ path, message: `Enter a number; "${trimmed}" is not one.` });
    return undefined;
  }
  return Number(trimmed);
}

/** Leaves out keys whose value is undefined, so the body and the diff carry only what was given. */
function defined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function variantDraft(variant: VariantForm, index: number, errors: FieldError[]): DraftVariant {
  const number = (text: string, field: keyof DraftVariant, required: boolean) =>
    readNumber(text, draftPaths.variant(index, field), required, errors);
  const common = { variantName: variant.variantName, modelName: variant.modelName };
  if (variant.serverless) {
    const serverless = (text: string, field: ServerlessField, required: boolean) =>
      readNumber(text, draftPaths.serverless(index, field), required, errors);
    const serverlessConfig = defined({
      memorySizeInMB: serverless(variant.memorySizeInMB, 'memorySizeInMB', true),
      maxConcurrency: serverless(variant.maxConcurrency, 'maxConcurrency', true),
      provisionedConcurrency: serverless(variant.provisionedConcurrency, 'provisionedConcurrency', false),
    });
    return defined({
      ...common,
      initialVariantWeight: number(variant.initialVariantWeight, 'initialVariantWeight', false),
      serverlessConfig,
    } as DraftVariant);
  }
  return defined({
    ...common,
    instanceType: variant.instanceType.trim() === '' ? undefined : variant.instanceType,
    initialInstanceCount: number(variant.initialInstanceCount, 'initialInstanceCount', false),
    initialVariantWeight: number(variant.initialVariantWeight, 'initialVariantWeight', false),
  });
}

function sizeDraft(size: SizeForm, path: string, errors: FieldError[]) {
  return { type_: size.type_, value: readNumber(size.value, path, true, errors) as number };
}

function policyDraft(form: RolloutForm, errors: FieldError[]): DeploymentConfigInput | undefined {
  const { policy } = form;
  const alarms =
    form.alarms.length > 0
      ? { autoRollbackConfiguration: { alarms: form.alarms.map((alarmName) => ({ alarmName })) } }
      : {};
  const wait = () => readNumber(policy.waitSeconds, draftPaths.waitSeconds(policy.kind), true, errors) as number;
  const timeout = () => readNumber(policy.timeoutSeconds, draftPaths.timeoutSeconds(policy.kind), false, errors);
  if (policy.kind === 'none') return form.alarms.length > 0 ? alarms : undefined;
  if (policy.kind === 'rolling') {
    const rollback =
      policy.rollbackBatchSize.value.trim() === ''
        ? undefined
        : sizeDraft(policy.rollbackBatchSize, draftPaths.rollbackBatchSize.value, errors);
    return {
      ...alarms,
      rollingUpdatePolicy: defined({
        maximumBatchSize: sizeDraft(policy.batchSize, draftPaths.batchSize.value, errors),
        waitIntervalInSeconds: wait(),
        maximumExecutionTimeoutInSeconds: timeout(),
        rollbackMaximumBatchSize: rollback,
      }),
    };
  }
  const type_: TrafficRoutingType =
    policy.kind === 'canary' ? 'CANARY' : policy.kind === 'linear' ? 'LINEAR' : 'ALL_AT_ONCE';
  return {
    ...alarms,
    blueGreenUpdatePolicy: defined({
      trafficRoutingConfiguration: defined({
        type_,
        waitIntervalInSeconds: wait(),
        canarySize:
          policy.kind === 'canary' ? sizeDraft(policy.canarySize, draftPaths.canarySize.value, errors) : undefined,
        linearStepSize:
          policy.kind === 'linear'
            ? sizeDraft(policy.linearStepSize, draftPaths.linearStepSize.value, errors)
            : undefined,
      }),
      terminationWaitInSeconds: readNumber(
        policy.terminationWaitSeconds,
        draftPaths.terminationWaitSeconds,
        false,
        errors,
      ),
      maximumExecutionTimeoutInSeconds: timeout(),
    }),
  };
}

/**
 * The draft the form describes, and the text that could not be read as numbers (at their paths). Numbers that
 * could not be read are left out, so the draft has the request's shape and the preview can still be drawn;
 * it is not checked here (see checkRolloutForm).
 */
export function draftFromForm(form: RolloutForm): { draft: RolloutDraft; inputErrors: FieldError[] } {
  const inputErrors: FieldError[] = [];
  const draft = defined({
    baseConfigName: form.baseConfigName,
    variants: form.variants.map((variant, index) => variantDraft(variant, index, inputErrors)),
    deploymentConfig: policyDraft(form, inputErrors),
    presetId: form.presetId,
    reason: form.reason,
  });
  return { draft, inputErrors };
}

export interface CheckedForm {
  /** What the form describes (for the plan, diff and warnings, even while it has errors). */
  draft: RolloutDraft;
  /** The draft as the API would parse it (trimmed), when rolloutDraftSchema accepts it. */
  parsed?: RolloutDraft;
  /** Everything wrong, one error per path (the first found): typing, then the schema, then the rollout rules. */
  errors: FieldError[];
}

/**
 * The form judged as the API judges its body: unreadable numbers, then rolloutDraftSchema's issues, then
 * validateRollout (on the parsed draft when there is one) against the endpoint's context. Paths are the
 * request body's (`draft.variants.0.modelName`); a path with an error gets no second one.
 */
export function checkRolloutForm(form: RolloutForm, context: RolloutContext): CheckedForm {
  const { draft, inputErrors } = draftFromForm(form);
  const errors: FieldError[] = [];
  const add = (error: FieldError) => {
    if (!errors.some((other) => other.path === error.path)) errors.push(error);
  };
  inputErrors.forEach(add);
  const parsed = rolloutDraftSchema.safeParse(draft);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      add({ path: [draftPaths.root, ...issue.path].join('.'), message: issue.message });
  validateRollout(parsed.success ? parsed.data : draft, context).forEach(add);
  return { draft, ...(parsed.success ? { parsed: parsed.data } : {}), errors };
}
