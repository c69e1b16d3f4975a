import { z } from 'zod';
import { namespaceSchema } from '@/lib/api/path-params';
import { assertOwnPage } from '@/lib/server/auth/csrf';
import { route } from '@/lib/server/http/route';
import { openStream } from '@/lib/server/stream/open-stream';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';

export const dynamic = 'force-dynamic';

const querySchema = z.strictObject({ namespace: namespaceSchema.optional() });

/**
 * Live fleet changes as Server-Sent Events. Only Fleetdeck's own pages may open it (the origin rule of the
 * mutating routes, or the session's CSRF token where plain http leaves the browser's origin headers out): a
 * page elsewhere could otherwise hold streams in the caller's name. At most
 * FLEETDECK_MAX_STREAMS per replica (503) and FLEETDECK_MAX_STREAMS_PER_IDENTITY per caller (429).
 */
export const GET = route({ query: querySchema }, ({ identity, query, request }) => {
  assertOwnPage(request, identity);
  return openStream(identity, query.namespace, request.signal);
});

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
