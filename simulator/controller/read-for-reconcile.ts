import type { z } from 'zod';
import type { AckResourceMetadata } from '../../lib/schemas/ack';
import type { ObjectMeta } from '../../lib/schemas/kube-metadata';
import type { AwsLocation } from '../sagemaker/names';
import type { ObjectRef } from './kube-api';
import { locate } from './location';
import { backoff, done, type ReconcileContext, type ReconcileResult } from './reconcile-context';

type Located = { metadata: ObjectMeta; status?: { ackResourceMetadata?: AckResourceMetadata } };

/**
 * The first steps of every reconcile, as the runtime takes them: read the object fresh from the API server
 * (docs/ack-behaviour.md §5.2), parse it, and find where it lives in AWS. Returns the result to end the reconcile
 * with instead when the object is gone (done), does not parse (done) or has drifted regions (backoff, no
 * status write).
 */
export async function readForReconcile<T extends Located>(
  context: ReconcileContext,
  ref: ObjectRef,
  schema: z.ZodType<T>,
): Promise<{ resource: T; location: AwsLocation } | { result: ReconcileResult }> {
  const raw = await context.kube.get(ref);
  if (raw === undefined) return { result: done };
  const parsed = schema.safeParse(raw);
  const where = `${ref.namespace}/${ref.name}`;
  if (!parsed.success) {
    context.log(`${where}: not a valid ${ref.kind.kind} (${parsed.error.issues[0]?.message}); ignoring it`);
    return { result: done };
  }
  const resource = parsed.data;
  const located = locate(
    resource.metadata,
    resource.status?.ackResourceMetadata,
    context.namespaces.of(ref.namespace),
    context.defaults,
  );
  if ('drift' in located) {
    context.log(`${where}: ${located.drift}; not writing status`);
    return { result: backoff };
  }
  return { resource, location: located.location };
}
