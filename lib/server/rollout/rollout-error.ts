import 'server-only';
import type { ErrorCode, ErrorEnvelope, FieldError } from '@/lib/api/error-envelope';
import type { RolloutErrorEnvelope } from '@/lib/api/rollout-views';
import { AppError } from '../http/app-error';
import { errorResponse, json } from '../http/respond';

type Extra = Pick<RolloutErrorEnvelope['error'], 'current' | 'createdConfigName'>;

/**
 * An AppError with what a rollout failure needs beyond the shared envelope (lib/api/rollout-views.ts):
 * the endpoint as it is now after a spec change, or the config that was created before the patch failed.
 */
export class RolloutError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    fields: FieldError[] | undefined,
    readonly extra: Extra,
  ) {
    super(code, message, fields);
    this.name = 'RolloutError';
  }
}

/** Runs a rollout step; a RolloutError becomes the shared envelope with its extra fields added. */
export async function withRolloutErrors(correlationId: string, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RolloutError)) throw error;
    const plain = errorResponse(error, correlationId);
    const body = (await plain.json()) as ErrorEnvelope;
    const envelope: RolloutErrorEnvelope = { error: { ...body.error, ...error.extra } };
    return json(envelope, plain.status, Object.fromEntries(plain.headers));
  }
}
