import { z } from 'zod';
import { defaultMetricRange, metricRangeSchema } from '@/lib/api/endpoint-metrics';
import { endpointPathSchema } from '@/lib/api/path-params';
import { endpointMetrics } from '@/lib/server/cloudwatch/endpoint-metrics-read';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';
import { route } from '@/lib/server/http/route';

const querySchema = z.strictObject({ range: metricRangeSchema.default(defaultMetricRange) });

/** The endpoint's CloudWatch metrics per variant, its rollback alarms and their history (lib/api/endpoint-metrics.ts). */
export const GET = route({ params: endpointPathSchema, query: querySchema }, ({ identity, params, query }) =>
  endpointMetrics(identity, params.namespace, params.name, query.range),
);

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
