import type { z } from 'zod';
import { ApiError, apiErrorFromBody } from './api-error';

interface FetchOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** The session's CSRF token from /api/me; every mutating call needs it. */
  csrfToken?: string;
  signal?: AbortSignal;
}

/**
 * The one way the browser calls Fleetdeck's API: same-origin JSON, the response parsed with the route's view
 * schema, and every failure turned into an ApiError carrying the envelope (or 'network' when the server
 * could not be reached).
 */
export async function apiFetch<S extends z.ZodType>(
  path: string,
  schema: S,
  options: FetchOptions = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.csrfToken) headers['x-fleetdeck-csrf'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Fleetdeck could not be reached.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw apiErrorFromBody(response.status, payload);
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw new ApiError(
      response.status,
      'internal',
      `Fleetdeck sent a response this page does not understand (${path}).`,
    );
  return parsed.data;
}
