import { validation } from './errors';
import type { SimVariant } from './types';

const onInstances = (variant: SimVariant) => variant.serverless === undefined;

/**
 * Throws the ValidationException for an update SageMaker does not support: a real-time (instance-backed)
 * endpoint or variant moved to serverless capacity. The Developer Guide, "Update a serverless endpoint": updating
 * a real-time inference endpoint to a serverless endpoint (on-demand or with provisioned concurrency) is not
 * supported. The reverse is allowed: the same page once said a real-time config may be used "to switch from
 * serverless to instance-based capacity", and it names no refusal now, so the simulator takes the permissive
 * reading. A mixed change (some variants of each kind) is not described; only a variant that keeps its name
 * and loses its instances, or a whole fleet that does, is refused.
 */
export function assertNotInstancesToServerless(endpointArn: string, current: SimVariant[], target: SimVariant[]): void {
  const running = new Map(current.map((variant) => [variant.variantName, variant]));
  const moved = target.find(
    (variant) =>
      !onInstances(variant) && running.has(variant.variantName) && onInstances(running.get(variant.variantName)!),
  );
  const wholeFleet = current.length > 0 && current.every(onInstances) && target.length > 0 && !target.some(onInstances);
  if (!moved && !wholeFleet) return;
  const which = moved ? ` (production variant "${moved.variantName}")` : '';
  throw validation(
    `Cannot update endpoint "${endpointArn}"${which}: updating a real-time endpoint to a serverless endpoint is not supported.`,
  );
}
