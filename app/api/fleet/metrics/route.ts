import { fleetMetricsMaxEndpoints } from '@/lib/api/endpoint-metrics';
import { fleetMetrics, parseEndpointRef } from '@/lib/server/cloudwatch/fleet-metrics-read';
import { AppError } from '@/lib/server/http/app-error';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';
import { route } from '@/lib/server/http/route';

/** The rows' endpoints, `endpoint=ns/name` repeated (the route's query schema sees one value per name). */
function endpointRefs(request: Request) {
  const values = new URL(request.url).searchParams.getAll('endpoint');
  if (values.length > fleetMetricsMaxEndpoints) {
    throw new AppError('bad_request', `Ask for at most ${fleetMetricsMaxEndpoints} endpoints at a time.`, [
      { path: 'endpoint', message: `at most ${fleetMetricsMaxEndpoints} endpoints a call; ${values.length} given` },
    ]);
  }
  return values.map((value) => {
    const ref = parseEndpointRef(value);
    if (!ref) {
      throw new AppError('bad_request', 'The query is not valid.', [
        { path: 'endpoint', message: `${JSON.stringify(value.slice(0, 100))} is not namespace/name` },
      ]);
    }
    return ref;
  });
}

/** The last hour's invocations, 5XX rate and alarms in ALARM for the endpoints on screen that the caller may read. */
export const GET = route({}, ({ identity, request }) => fleetMetrics(identity, endpointRefs(request)));

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
