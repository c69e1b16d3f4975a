import { endpointPathSchema } from '@/lib/api/path-params';
import { route } from '@/lib/server/http/route';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';
import { endpointSeries } from '@/lib/server/series/endpoint-series';

/** How the endpoint's traffic split and instance counts moved over the last hours (lib/api/endpoint-series.ts). */
export const GET = route({ params: endpointPathSchema }, ({ identity, params }) =>
  endpointSeries(identity, params.namespace, params.name),
);

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
