import type { EndpointSummary, VariantView } from '@/lib/api/endpoint-summary';
import { notVisibleToYou } from '@/lib/api/omitted-kinds';
import type { HealthLevel } from './health';
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
  /** Distinct instance types; `serverless` for serverless variants; notVisibleToYou for a type only the config knows, when the caller may not read configs. */
  instanceTypes: string[];
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
 * the fleet being created. With `now`, the row carries the endpoint's age.
 */
export function fleetRow(summary: EndpointSummary, now?: Date): FleetRow {
  const variants = summary.variants.length > 0 ? summary.variants : (summary.deployment?.variants ?? []);
  const created = summary.createdAt === undefined ? NaN : Date.parse(summary.createdAt);
  // A running variant's instance type is the config's; without the right to read configs it is unknown, not absent.
  const configHidden = summary.omitted?.some((entry) => entry.kind === 'EndpointConfig') ?? false;
  const instanceType = (variant: VariantView) =>
    variant.serverless ? 'serverless' : (variant.instanceType ?? (configHidden ? notVisibleToYou : undefined));
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
