import { publicRoute } from '@/lib/server/http/route';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';
import { metricsResponse } from '@/lib/server/metrics/metrics-response';

export const dynamic = 'force-dynamic';

/**
 * Prometheus metrics: the fleet by namespace, status and health, and Fleetdeck's own internals. Not behind a
 * session (a scraper has none); with FLEETDECK_METRICS_TOKEN set it needs that bearer token (401 otherwise).
 */
export const GET = publicRoute((request) => metricsResponse(request));

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
