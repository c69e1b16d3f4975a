import 'server-only';
import { updateFleetGauges } from './fleet-gauges';
import { assertMetricsToken } from './metrics-token';
import { fleetdeckMetrics } from './registry';

/** GET /metrics: the registry in Prometheus's text format, after the token check and a fresh read of the fleet. */
export async function metricsResponse(request: Request): Promise<Response> {
  assertMetricsToken(request);
  const { registry } = fleetdeckMetrics();
  updateFleetGauges(registry);
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
