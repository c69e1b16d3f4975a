import type { EndpointSummary, VariantView } from '@/lib/api/endpoint-summary';
import { notVisibleToYou } from '@/lib/api/omitted-kinds';
import type { HealthLevel } from './health';
import { runningConfigUnknownText } from './running-config';
import { displayEndpointStatus } from './status-vocabulary';

export interface TrafficWeight {
  variant: string;
  weight?: number;
  /** The variant's share of all current weights, 0..1. */
  share?: number;
}

/** One endpoint as a row of the fleet list and of its exports. */
export interface FleetRow {
  /** namespace/name: unique in the fleet. */
  key: string;
  namespace: string;
  name: string;
  endpointName: string;
  status?: string;
  statusLabel: string;
  health: HealthLevel;
  config: string;
  variants: string[];
  /**
   * Distinct instance types of the running fleet (during an update, the old one); `serverless` for serverless
   * variants; notVisibleToYou for a type only the config knows, when the caller may not read configs; the
   * unknown-config text when the server cannot name the old fleet's config.
   */
  instanceTypes: string[];
  /** During an update: the distinct instance types of the new fleet, which SageMaker names itself. */
  newInstanceTypes?: string[];
  instancesCurrent?: number;
  instancesDesired?: number;
  traffic: TrafficWeight[];
  lastChange?: string;
  createdAt?: string;
  /** Seconds since creation at the `now` given to fleetRow. */
  ageSeconds?: number;
}

const total = (variants: VariantView[], count: (variant: VariantView) => number | undefined) => {
  const counts = variants.flatMap((variant) =>
    variant.serverless ? [] : [count(variant)].filter((value) => value !== undefined),
  );
  return counts.length > 0 ? counts.reduce((sum, value) => sum + value, 0) : undefined;
};

/**
 * The row view of a summary. It shows the running fleet; during the first create, when nothing runs yet,
 * the fleet being created; during an update, the instance types of both fleets. With `now`, the row carries
 * the endpoint's age.
 */
export function fleetRow(summary: EndpointSummary, now?: Date): FleetRow {
  const variants = summary.variants.length > 0 ? summary.variants : (summary.deployment?.variants ?? []);
  const updating = summary.variants.length > 0 && (summary.deployment?.variants.length ?? 0) > 0;
  const created = summary.createdAt === undefined ? NaN : Date.parse(summary.createdAt);
  // A running variant's instance type is the config's; without the right to read configs it is unknown, not
  // absent, and so it is when the server cannot tell which config the old fleet of an update came from.
  const configHidden = summary.omitted?.some((entry) => entry.kind === 'EndpointConfig') ?? false;
  const previous = summary.deployment?.previousConfig;
  const configUnknown = previous && 'unknown' in previous ? runningConfigUnknownText[previous.unknown] : undefined;
  const instanceType = (variant: VariantView) =>
    variant.serverless
      ? 'serverless'
      : (variant.instanceType ?? (configHidden ? notVisibleToYou : updating ? configUnknown : undefined));
  return {
    key: `${summary.namespace}/${summary.name}`,
    namespace: summary.namespace,
    name: summary.name,
    endpointName: summary.endpointName,
    ...(summary.status !== undefined ? { status: summary.status } : {}),
    statusLabel: displayEndpointStatus(summary.status).label,
    health: summary.health.level,
    config: summary.configName,
    variants: variants.map((variant) => variant.name),
    instanceTypes: [...new Set(variants.flatMap((variant) => instanceType(variant) ?? []))],
    ...(updating
      ? {
          newInstanceTypes: [
            ...new Set(summary.deployment!.variants.flatMap((variant) => instanceType(variant) ?? [])),
          ],
        }
      : {}),
    ...optional(
      'instancesCurrent',
      total(variants, (variant) => variant.currentInstanceCount),
    ),
    ...optional(
      'instancesDesired',
      total(variants, (variant) => variant.desiredInstanceCount),
    ),
    traffic: variants.map((variant) => ({
      variant: variant.name,
      ...optional('weight', variant.currentWeight),
      ...optional('share', variant.trafficShare),
    })),
    ...optional('lastChange', summary.lastChange),
    ...optional('createdAt', summary.createdAt),
    ...(now && !Number.isNaN(created) ? { ageSeconds: Math.max(0, Math.floor((now.getTime() - created) / 1000)) } : {}),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
