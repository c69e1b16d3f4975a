import { formatDuration } from '@/lib/format/duration';
import type { DeploymentConfigInput } from '@/lib/schemas/deployment-config';
import { sagemakerLimits as limits, type NumberRange, type ShareLimit } from './sagemaker-limits';
import { rolloutSchedule } from './schedule';

// Named starting points for a deployment policy, as data: the form lists them, fills its fields from them and
// shares them as links. Every value stays editable; validate.ts judges the result, not the preset.

export const presetIds = ['all-at-once', 'canary', 'linear', 'rolling'] as const;
export type PresetId = (typeof presetIds)[number];

interface Common {
  /** waitIntervalInSeconds: the bake after each traffic step or batch, when alarms are named (none without). */
  waitSeconds: number;
  /** maximumExecutionTimeoutInSeconds; when absent, derived from the plan (see defaultTimeoutSeconds). */
  timeoutSeconds?: number;
  /** CloudWatch alarms that roll the deployment back; none means no automatic rollback. */
  alarms: string[];
}
interface BlueGreenCommon extends Common {
  terminationWaitSeconds: number;
}
export interface PresetParamsById {
  'all-at-once': BlueGreenCommon;
  canary: BlueGreenCommon & { canaryPercent: number };
  linear: BlueGreenCommon & { stepPercent: number };
  /** rollbackBatchPercent absent: SageMaker's default, the whole old fleet back at once. */
  rolling: Common & { batchPercent: number; rollbackBatchPercent?: number };
}
export type PresetParams<P extends PresetId> = PresetParamsById[P];

/** A numeric parameter of a preset, with the range SageMaker accepts (documented limits; validate.ts agrees). */
export interface NumberParam {
  key: string;
  label: string;
  unit: 'percent' | 'seconds';
  min: number;
  max: number;
  optional?: boolean;
}

export interface Preset<P extends PresetId> {
  id: P;
  name: string;
  description: string;
  numbers: NumberParam[];
  defaults: PresetParams<P>;
}

const seconds = (key: string, label: string, range: NumberRange, optional?: true): NumberParam => ({
  key,
  label,
  unit: 'seconds',
  ...range,
  ...(optional ? { optional } : {}),
});
// A link gives a size as a whole percentage, so at least SageMaker's smallest size value.
const percent = (key: string, label: string, limit: ShareLimit, optional?: true): NumberParam => ({
  key,
  label,
  unit: 'percent',
  min: Math.max(limits.capacitySizeMinValue, limit.minPercent),
  max: limit.maxPercent,
  ...(optional ? { optional } : {}),
});
const wait = seconds('waitSeconds', 'Wait after each step', limits.waitIntervalInSeconds);
const terminationWait = seconds(
  'terminationWaitSeconds',
  'Wait before stopping the old fleet',
  limits.terminationWaitInSeconds,
);
const timeout = seconds('timeoutSeconds', 'Maximum execution time', limits.maximumExecutionTimeoutInSeconds, true);

const defaults = {
  'all-at-once': { waitSeconds: 600, terminationWaitSeconds: 300, alarms: [] },
  canary: { canaryPercent: 10, waitSeconds: 600, terminationWaitSeconds: 300, alarms: [] },
  linear: { stepPercent: 20, waitSeconds: 300, terminationWaitSeconds: 300, alarms: [] },
  rolling: { batchPercent: 25, waitSeconds: 300, alarms: [] },
} satisfies PresetParamsById;

// A preset names no alarms, and SageMaker bakes only while it watches alarms (docs/ack-behaviour.md §13.4), so a
// description promises the bake only for when alarms are added. Its numbers come from the defaults.
const bakeWithAlarms = (seconds: number, after: string) =>
  `with alarms named, SageMaker bakes ${formatDuration(seconds)} after ${after} while it watches them`;

/** The presets, in the order the form offers them. */
export const presets: { [P in PresetId]: Preset<P> } = {
  'all-at-once': {
    id: 'all-at-once',
    name: 'Blue/green, all at once',
    description: `Launch the new fleet, move all traffic at once and keep the old fleet ${formatDuration(defaults['all-at-once'].terminationWaitSeconds)} more; ${bakeWithAlarms(defaults['all-at-once'].waitSeconds, 'the shift')}.`,
    numbers: [wait, terminationWait, timeout],
    defaults: defaults['all-at-once'],
  },
  canary: {
    id: 'canary',
    name: 'Blue/green canary',
    description: `Send ${defaults.canary.canaryPercent}% of capacity to the new fleet, then move the rest; ${bakeWithAlarms(defaults.canary.waitSeconds, 'each step')}.`,
    numbers: [percent('canaryPercent', 'Canary size', limits.canarySize), wait, terminationWait, timeout],
    defaults: defaults.canary,
  },
  linear: {
    id: 'linear',
    name: 'Blue/green linear',
    description: `Move traffic ${defaults.linear.stepPercent}% of capacity at a time; ${bakeWithAlarms(defaults.linear.waitSeconds, 'each step')}.`,
    numbers: [percent('stepPercent', 'Traffic step', limits.linearStepSize), wait, terminationWait, timeout],
    defaults: defaults.linear,
  },
  rolling: {
    id: 'rolling',
    name: 'Rolling in batches',
    description: `Replace ${defaults.rolling.batchPercent}% of the instances at a time, with no second full fleet; ${bakeWithAlarms(defaults.rolling.waitSeconds, 'each batch')}.`,
    numbers: [
      percent('batchPercent', 'Batch size', limits.maximumBatchSize),
      percent('rollbackBatchPercent', 'Rollback batch size', limits.rollbackMaximumBatchSize, true),
      wait,
      timeout,
    ],
    defaults: defaults.rolling,
  },
};

/** The fleet size a default timeout is planned for when the caller does not know the endpoint's. */
export const DEFAULT_PLANNING_FLEET = 4;

/**
 * maximumExecutionTimeoutInSeconds when the user sets none: half as long again as the plan should take on
 * this fleet, rounded up to 5 minutes, at most SageMaker's maximum. (Every plan includes a launch, so this is
 * never under SageMaker's minimum.) Too short a timeout rolls back a healthy deployment; too long only delays
 * noticing a stuck one. Planned as if alarms were named (SageMaker bakes only then), so adding alarms after
 * choosing a preset does not make the timeout too short.
 */
export function defaultTimeoutSeconds(config: DeploymentConfigInput, fleetInstances: number): number {
  const baked = config.autoRollbackConfiguration?.alarms.length
    ? config
    : { ...config, autoRollbackConfiguration: { alarms: [{ alarmName: 'planned' }] } };
  const planned = rolloutSchedule(baked, {
    oldInstances: fleetInstances,
    newInstances: fleetInstances,
  }).expectedTotalSeconds;
  return Math.min(limits.maximumExecutionTimeoutInSeconds.max, Math.ceil((planned * 1.5) / 300) * 300);
}

const percentSize = (value: number) => ({ type_: 'CAPACITY_PERCENT' as const, value });

function policyOf(presetId: PresetId, params: PresetParams<PresetId>): DeploymentConfigInput {
  const all = params as PresetParamsById['canary'] & PresetParamsById['linear'] & PresetParamsById['rolling'];
  if (presetId === 'rolling') {
    return {
      rollingUpdatePolicy: {
        maximumBatchSize: percentSize(all.batchPercent),
        waitIntervalInSeconds: all.waitSeconds,
        ...(all.rollbackBatchPercent !== undefined
          ? { rollbackMaximumBatchSize: percentSize(all.rollbackBatchPercent) }
          : {}),
      },
    };
  }
  const type_ = presetId === 'canary' ? 'CANARY' : presetId === 'linear' ? 'LINEAR' : 'ALL_AT_ONCE';
  return {
    blueGreenUpdatePolicy: {
      terminationWaitInSeconds: all.terminationWaitSeconds,
      trafficRoutingConfiguration: {
        type_,
        waitIntervalInSeconds: all.waitSeconds,
        ...(presetId === 'canary' ? { canarySize: percentSize(all.canaryPercent) } : {}),
        ...(presetId === 'linear' ? { linearStepSize: percentSize(all.stepPercent) } : {}),
      },
    },
  };
}

/**
 * The deploymentConfig a preset gives, with `params` over its defaults. Alarms become
 * autoRollbackConfiguration only when there are some (SageMaker wants at least one when it is given).
 */
export function applyPreset<P extends PresetId>(
  presetId: P,
  params?: Partial<PresetParams<P>>,
  fleetInstances = DEFAULT_PLANNING_FLEET,
): DeploymentConfigInput {
  const full = { ...presets[presetId].defaults, ...params } as PresetParams<P>;
  const config = policyOf(presetId, full);
  const timeoutSeconds = full.timeoutSeconds ?? defaultTimeoutSeconds(config, fleetInstances);
  if (config.rollingUpdatePolicy) config.rollingUpdatePolicy.maximumExecutionTimeoutInSeconds = timeoutSeconds;
  if (config.blueGreenUpdatePolicy) config.blueGreenUpdatePolicy.maximumExecutionTimeoutInSeconds = timeoutSeconds;
  return full.alarms.length > 0
    ? { autoRollbackConfiguration: { alarms: full.alarms.map((alarmName) => ({ alarmName })) }, ...config }
    : config;
}

// Shareable links: `?preset=canary&canaryPercent=10&waitSeconds=600&alarm=p99-latency&alarm=errors`.
// Strict, because a link is user input: an unknown preset or key, a repeated number or a bad number is an error
// that names the parameter, never a silent default and never a throw.

const PRESET_KEY = 'preset';
const ALARM_KEY = 'alarm';
const WHOLE_NUMBER = /^(0|[1-9][0-9]{0,8})$/;

/** The search params of a link to a preset with these parameters (only the ones given). */
export function presetToSearchParams<P extends PresetId>(
  presetId: P,
  params: Partial<PresetParams<P>> = {},
): URLSearchParams {
  const search = new URLSearchParams({ [PRESET_KEY]: presetId });
  const values = params as Record<string, unknown>;
  for (const { key } of presets[presetId].numbers) {
    const value = values[key];
    if (typeof value === 'number') search.append(key, String(value));
  }
  for (const alarm of (params.alarms as string[] | undefined) ?? []) search.append(ALARM_KEY, alarm);
  return search;
}

/** A preset and the parameters a link sets for it. */
export type PresetLink = { [P in PresetId]: { presetId: P; params: Partial<PresetParams<P>> } }[PresetId];

const isPresetId = (value: string): value is PresetId => (presetIds as readonly string[]).includes(value);

/** The preset a link names and its parameters, or an error that says which parameter is wrong and why. */
export function presetFromSearchParams(search: URLSearchParams): PresetLink | { error: string } {
  const ids = search.getAll(PRESET_KEY);
  if (ids.length !== 1)
    return { error: `The link must name exactly one preset (${PRESET_KEY}=${presetIds.join('|')}).` };
  const presetId = ids[0] ?? '';
  if (!isPresetId(presetId)) return { error: `Unknown preset "${presetId}"; choose one of ${presetIds.join(', ')}.` };
  const preset: Preset<PresetId> = presets[presetId];
  const params: Record<string, unknown> = {};
  for (const key of new Set(search.keys())) {
    if (key === PRESET_KEY) continue;
    if (key === ALARM_KEY) {
      const alarms = search.getAll(ALARM_KEY);
      if (alarms.length > limits.alarms.max)
        return { error: `At most ${limits.alarms.max} alarms (${ALARM_KEY}); the link gives ${alarms.length}.` };
      const bad = alarms.findIndex((alarm) => alarm.trim() === '' || alarm.length > limits.alarmNameMaxLength);
      if (bad >= 0)
        return {
          error: `Alarm ${bad + 1} (${ALARM_KEY}) must be a name of 1 to ${limits.alarmNameMaxLength} characters, not blank.`,
        };
      params.alarms = alarms;
      continue;
    }
    const spec = preset.numbers.find((number) => number.key === key);
    if (!spec) {
      const known = [...preset.numbers.map((number) => number.key), ALARM_KEY].join(', ');
      return { error: `The ${preset.name} preset has no parameter "${key}"; it takes ${known}.` };
    }
    const values = search.getAll(key);
    if (values.length > 1) return { error: `${spec.label} (${key}) is given ${values.length} times; give it once.` };
    const raw = values[0] ?? '';
    const value = WHOLE_NUMBER.test(raw) ? Number(raw) : Number.NaN;
    const range = `${spec.min} to ${spec.max}${spec.unit === 'percent' ? '%' : ' s'}`;
    if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      return { error: `${spec.label} (${key}) must be a whole number from ${range}; it is "${raw}".` };
    }
    params[key] = value;
  }
  return { presetId, params } as PresetLink;
}
