import { ApiException } from '@kubernetes/client-node';

/** The HTTP status a Kubernetes call failed with; throws if it succeeded or failed some other way. */
export async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
