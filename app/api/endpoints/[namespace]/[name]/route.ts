import { endpointPathSchema } from '@/lib/api/path-params';
import { endpointDetail } from '@/lib/server/fleet/endpoint-detail';
import { route } from '@/lib/server/http/route';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';

/** One endpoint with its config, models, conditions and events. */
export const GET = route({ params: endpointPathSchema }, ({ identity, params }) =>
  endpointDetail(identity, params.namespace, params.name),
);

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
