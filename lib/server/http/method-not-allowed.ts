import 'server-only';
import { randomUUID } from 'node:crypto';
import { AppError } from './app-error';
import { errorResponse } from './respond';

/**
 * The handler for every method a route does not implement, and for OPTIONS: 405 with the envelope, or 204
 * for OPTIONS, both with the same Allow header naming what the route implements (plus HEAD, which Next.js
 * answers from GET, and OPTIONS). Routes export it as OPTIONS too: Next.js's own OPTIONS would list every
 * exported method, these 405s included, and its own 405 has no Allow.
 */
export function methodNotAllowed(...implemented: string[]) {
  const allow = [...implemented, ...(implemented.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  return async (request: Request): Promise<Response> =>
    request.method === 'OPTIONS'
      ? new Response(null, { status: 204, headers: { Allow: allow, 'Cache-Control': 'no-store' } })
      : errorResponse(
          new AppError('method_not_allowed', `Use ${implemented.join(' or ')} here.`, undefined, { Allow: allow }),
          randomUUID(),
        );
}
