import { z } from 'zod';
import { timestamp } from './scalars';

/**
 * One ACK condition (`RT apis/core/v1alpha1/conditions.go`). `type` is open-ended: the runtime adds types over
 * time (`Ready` arrived in 2025), so known types are listed in `ackConditionTypes`, not enforced here.
 */
export const ackConditionSchema = z.looseObject({
  type: z.string(),
  status: z.string(),
  lastTransitionTime: timestamp().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
export type AckCondition = z.infer<typeof ackConditionSchema>;

/** The condition types ACK writes on SageMaker kinds (docs/ack-behaviour.md §8.2). */
export const ackConditionTypes = {
  ready: 'Ready',
  synced: 'ACK.ResourceSynced',
  terminal: 'ACK.Terminal',
  recoverable: 'ACK.Recoverable',
  lateInitialized: 'ACK.LateInitialized',
  advisory: 'ACK.Advisory',
} as const;

/** `status.ackResourceMetadata`; the CRDs require ownerAccountID and region (docs/ack-behaviour.md §10.4). */
export const ackResourceMetadataSchema = z.looseObject({
  arn: z.string().optional(),
  ownerAccountID: z.string(),
  partition: z.string().optional(),
  region: z.string(),
});
export type AckResourceMetadata = z.infer<typeof ackResourceMetadataSchema>;

/** The status every ACK resource has; kinds extend it with their own fields. */
export const ackStatusShape = {
  ackResourceMetadata: ackResourceMetadataSchema.optional(),
  conditions: z.array(ackConditionSchema).optional(),
};
