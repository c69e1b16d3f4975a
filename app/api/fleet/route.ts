import { z } from 'zod';
import { namespaceSchema } from '@/lib/api/path-params';
import { listFleet } from '@/lib/server/fleet/list-fleet';
import { route } from '@/lib/server/http/route';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';

const querySchema = z.strictObject({
  namespace: namespaceSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  cursor: z.string().max(600).optional(),
});

/** The fleet the caller may list: Endpoints joined with their configs and models, a page at a time. */
export const GET = route({ query: querySchema }, ({ identity, query }) => listFleet(identity, query));

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
