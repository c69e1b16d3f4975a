import type { PolicyForm, PolicyKind, RolloutForm, SizeForm } from './draft-from-form';
import { policyFormFrom } from './draft-from-live';
import {
  applyPreset,
  presetFromSearchParams,
  presets,
  type PresetId,
  type PresetLink,
  type PresetParams,
} from './presets';

/**
 * The form with its policy taken from a preset (with the link's parameters, if any), the default timeout
 * planned for this fleet. Variants and reason are kept, and so are the alarms unless the link names some:
 * dropping them would silently turn automatic rollback off.
 */
export function formWithPreset(form: RolloutForm, link: PresetLink, fleetInstances: number): RolloutForm {
  const { policy, alarms } = policyFormFrom(
    applyPreset(link.presetId, link.params as Partial<PresetParams<PresetId>>, fleetInstances),
  );
  return { ...form, policy, alarms: alarms.length > 0 ? alarms : form.alarms, presetId: link.presetId };
}

/**
 * The form started from a shared link's preset, or, when the link's parameters are wrong, the form as it was
 * and the reason in words (presetFromSearchParams names the parameter).
 */
export function formFromPresetLink(
  form: RolloutForm,
  search: URLSearchParams,
  fleetInstances: number,
): { form: RolloutForm; error?: string } {
  const link = presetFromSearchParams(search);
  if ('error' in link) return { form, error: link.error };
  return { form: formWithPreset(form, link, fleetInstances) };
}

const percentOf = (size: SizeForm, value: number): SizeForm =>
  size.value.trim() === '' ? { type_: 'CAPACITY_PERCENT', value: String(value) } : size;
const orDefault = (text: string, value: number | undefined) =>
  text.trim() === '' && value !== undefined ? String(value) : text;

/**
 * The policy switched to another kind, with what the new kind needs and nobody typed yet (its size, the wait,
 * the termination wait) filled from that kind's preset; everything typed is kept.
 */
export function withPolicyKind(policy: PolicyForm, kind: PolicyKind): PolicyForm {
  if (kind === 'none') return { ...policy, kind };
  const defaults = presets[kind].defaults as {
    waitSeconds: number;
    terminationWaitSeconds?: number;
    canaryPercent?: number;
    stepPercent?: number;
    batchPercent?: number;
  };
  return {
    ...policy,
    kind,
    waitSeconds: orDefault(policy.waitSeconds, defaults.waitSeconds),
    terminationWaitSeconds: orDefault(policy.terminationWaitSeconds, defaults.terminationWaitSeconds),
    canarySize: kind === 'canary' ? percentOf(policy.canarySize, defaults.canaryPercent ?? 10) : policy.canarySize,
    linearStepSize:
      kind === 'linear' ? percentOf(policy.linearStepSize, defaults.stepPercent ?? 20) : policy.linearStepSize,
    batchSize: kind === 'rolling' ? percentOf(policy.batchSize, defaults.batchPercent ?? 25) : policy.batchSize,
  };
}

const WHOLE = /^(0|[1-9][0-9]*)$/;

/**
 * The preset link that carries the form's policy, so a team can share "our canary": the policy's kind is the
 * preset, its numbers and alarms the parameters. Refused, with the reason, when the form has no policy, when a
 * size is in instances (links carry percentages) or a number is outside what a link may carry.
 */
export function presetLinkFromForm(form: RolloutForm): { link: PresetLink } | { error: string } {
  const { policy } = form;
  if (policy.kind === 'none')
    return { error: 'Choose a deployment policy first: a link carries a preset, and "No deployment policy" is none.' };
  const preset = presets[policy.kind];
  const values: Record<string, string> = {
    waitSeconds: policy.waitSeconds,
    terminationWaitSeconds: policy.terminationWaitSeconds,
    timeoutSeconds: policy.timeoutSeconds,
  };
  const sizes: Record<string, SizeForm> = {
    canaryPercent: policy.canarySize,
    stepPercent: policy.linearStepSize,
    batchPercent: policy.batchSize,
    rollbackBatchPercent: policy.rollbackBatchSize,
  };
  const params: Record<string, unknown> = {};
  for (const number of preset.numbers) {
    const size = sizes[number.key];
    if (size && size.value.trim() !== '' && size.type_ === 'INSTANCE_COUNT') {
      return {
        error: `${number.label} is a number of instances; a link carries it as a percentage of the fleet. Give it in percent to share it.`,
      };
    }
    const raw = (size?.value ?? values[number.key] ?? '').trim();
    if (raw === '') continue;
    const value = WHOLE.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= number.min && value <= number.max)) {
      const unit = number.unit === 'percent' ? '%' : ' s';
      return {
        error: `${number.label} must be a whole number from ${number.min} to ${number.max}${unit} to be shared; it is "${raw}".`,
      };
    }
    params[number.key] = value;
  }
  const alarms = form.alarms.map((alarm) => alarm.trim()).filter((alarm) => alarm !== '');
  if (alarms.length > 0) params.alarms = alarms;
  return { link: { presetId: policy.kind, params } as PresetLink };
}
