import type { EndpointSpec } from '@/lib/schemas/endpoint';
import type { EndpointConfigSpec } from '@/lib/schemas/endpoint-config';

/** One difference between two values, at a path such as `productionVariants[AllTraffic].instanceType`. */
export interface DiffEntry {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

// Arrays whose items are named are compared by name, so inserting a variant does not show every later one as
// changed. Other arrays (subnets, tags, captureOptions) are compared by index.
const ITEM_KEYS = ['variantName', 'alarmName'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// A key names items only when, on each side, every item has it and no two share it.
function itemKey(sides: unknown[][]): (typeof ITEM_KEYS)[number] | undefined {
  return ITEM_KEYS.find((key) =>
    sides.every((items) => {
      const names = items.map((item) => (isObject(item) ? item[key] : undefined));
      return names.every((name) => typeof name === 'string') && new Set(names).size === names.length;
    }),
  );
}

const join = (path: string, segment: string) => (path === '' ? segment : `${path}.${segment}`);

function diffArrays(path: string, before: unknown[], after: unknown[], out: DiffEntry[]): void {
  const key = itemKey([before, after]);
  if (key === undefined) {
    for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
      diffAt(
        join(path, String(index)),
        index < before.length ? before[index] : undefined,
        index < after.length ? after[index] : undefined,
        out,
      );
    }
    return;
  }
  const nameOf = (item: unknown) => (item as Record<string, string>)[key] as string;
  const names = [
    ...before.map(nameOf),
    ...after.map(nameOf).filter((name) => !before.some((item) => nameOf(item) === name)),
  ];
  for (const name of names) {
    diffAt(
      `${path}[${name}]`,
      before.find((item) => nameOf(item) === name),
      after.find((item) => nameOf(item) === name),
      out,
    );
  }
}

function diffAt(path: string, before: unknown, after: unknown, out: DiffEntry[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path, kind: 'added', after });
    return;
  }
  if (after === undefined) {
    out.push({ path, kind: 'removed', before });
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort())
      diffAt(join(path, key), before[key], after[key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(path, before, after, out);
    return;
  }
  if (!Object.is(before, after)) out.push({ path, kind: 'changed', before, after });
}

/**
 * The differences between two JSON-like values, field by field, in a stable order: object keys sorted, named
 * items (variants by variantName, alarms by alarmName) in the order they first appear, other arrays by index.
 * A field present on one side only is one `added` or `removed` entry holding the whole value.
 */
export function diffValues(before: unknown, after: unknown): DiffEntry[] {
  const out: DiffEntry[] = [];
  diffAt('', before, after, out);
  return out;
}

/** What a rollout changes: the Endpoint's spec (config name, deployment policy) and the config it switches to. */
export interface RolloutDiff {
  endpoint: DiffEntry[];
  config: DiffEntry[];
}

/**
 * The two diffs a rollout is reviewed with: the Endpoint spec as it is against the patched one, and the live
 * EndpointConfig spec against the new one (built by build-config.ts). `liveConfigSpec` is undefined when the
 * live config is not in the cluster; then every field of the new one shows as added.
 */
export function rolloutDiff(
  liveEndpointSpec: EndpointSpec,
  newEndpointSpec: EndpointSpec,
  liveConfigSpec: EndpointConfigSpec | undefined,
  newConfigSpec: EndpointConfigSpec,
): RolloutDiff {
  return {
    endpoint: diffValues(liveEndpointSpec, newEndpointSpec),
    config: diffValues(liveConfigSpec ?? {}, newConfigSpec),
  };
}
