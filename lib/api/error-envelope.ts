import { z } from 'zod';

/** The closed set of error codes the API answers with, and the HTTP status of each. */
export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  misdirected_request: 421,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  too_many_requests: 429,
  internal: 500,
  cluster_unavailable: 503,
  /** oidc mode: the identity provider could not be reached to sign in or to renew a sign-in. */
  provider_unavailable: 503,
  server_busy: 503,
  cluster_timeout: 504,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One field-level problem: a JSON path into the request (or the object) and what is wrong there. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * What an error of one route carries beyond code, message and fields (a rollout's 409 sends the endpoint as it
 * is now). Each route that sends details documents and parses their shape; the envelope only carries them.
 */
export const errorDetailsSchema = z.record(z.string(), z.unknown());
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;

/** `{ error: { code, message, fields?, details?, correlationId } }`, the body of every error response. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
    details: errorDetailsSchema.optional(),
    correlationId: z.string(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
