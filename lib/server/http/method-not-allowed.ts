import 'server-only';
import { randomUUID } from 'node:crypto';
import { AppError } from './app-error';
import { errorResponse } from './respond';

/**
 * A handler for the methods a route does not implement: 405 with the envelope and an Allow header naming
 * the ones it does (Next.js answers 405 by itself, but without Allow).
 */
export function methodNotAllowed(...allowed: string[]) {
  return async (): Promise<Response> =>
    errorResponse(new AppError('method_not_allowed', `Use ${allowed.join(' or ')} here.`, undefined, { Allow: allowed.join(', ') }), randomUUID());
}
