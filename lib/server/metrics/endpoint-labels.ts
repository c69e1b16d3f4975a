import 'server-only';
import { endpointHealth, type HealthLevel } from '@/lib/endpoints/health';
import { endpointStatusDisplay } from '@/lib/endpoints/status-vocabulary';
import type { Endpoint } from '@/lib/schemas/endpoint';

/** What the fleet gauges count an Endpoint under. */
export interface EndpointLabels {
  /** SageMaker's endpointStatus; `Pending` before the controller reports, `Other` for one SageMaker does not list. */
  status: string;
  health: HealthLevel;
  /** SageMaker is changing it now: the overview's "rolling out now" rule (lib/endpoints/fleet-overview.ts). */
  deploying: boolean;
  /** SageMaker rolled an update back and ACK will not retry it. */
  rolledBack: boolean;
}

const IN_MOTION = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack']);

// Parsed Endpoints are replaced, never mutated, on change (fleet-store.ts), so each is classified once, not at
// every scrape.
const classified = new WeakMap<Endpoint, EndpointLabels>();

/**
 * The labels of one Endpoint. The status label takes only the values SageMaker documents: anything else a
 * writer puts there would otherwise become a new series.
 */
export function endpointLabels(endpoint: Endpoint): EndpointLabels {
  const known = classified.get(endpoint);
  if (known) return known;
  const reported = endpoint.status?.endpointStatus;
  const health = endpointHealth(endpoint);
  const labels: EndpointLabels = {
    status: reported === undefined ? 'Pending' : reported in endpointStatusDisplay ? reported : 'Other',
    health: health.level,
    deploying: endpoint.status?.pendingDeploymentSummary !== undefined || IN_MOTION.has(reported ?? ''),
    rolledBack: health.rolledBack !== undefined,
  };
  classified.set(endpoint, labels);
  return labels;
}
