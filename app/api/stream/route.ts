import { z } from 'zod';
import { namespaceSchema } from '@/lib/api/path-params';
import { route } from '@/lib/server/http/route';
import { openStream } from '@/lib/server/stream/open-stream';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';

export const dynamic = 'force-dynamic';

const querySchema = z.strictObject({ namespace: namespaceSchema.optional() });

/** Live fleet changes as Server-Sent Events. */
export const GET = route({ query: querySchema }, ({ identity, query, request }) => openStream(identity, query.namespace, request.signal));

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
