import 'server-only';
import type { Endpoint } from '@/lib/schemas/endpoint';

/**
 * The alarms SageMaker watches for the endpoint's deployments: those of spec.deploymentConfig's
 * autoRollbackConfiguration. The status reports no deployment config of its own, and an update runs with the
 * config the controller submitted with it, which is the spec's unless it changed since (held back, then the
 * next update uses it), so the spec's list is the best reading during a deployment too.
 */
export function rollbackAlarmNames(endpoint: Pick<Endpoint, 'spec'>): string[] {
  const alarms = endpoint.spec.deploymentConfig?.autoRollbackConfiguration?.alarms ?? [];
  const names = alarms.flatMap((alarm) => (alarm.alarmName ? [alarm.alarmName] : []));
  return [...new Set(names)];
}
