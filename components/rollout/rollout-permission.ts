import type { RolloutFormContext } from '@/lib/api/rollout-views';
import { gateRollout } from '@/lib/rollout/gating';
import { mayRollOut, type Me } from '@/lib/query/use-me';

/** Whether the form may be edited and submitted, and why not, in the words shown on the page. */
export interface RolloutPermission {
  /** The fields can be edited (a read-only user, or a Failed endpoint, gets a disabled form). */
  editable: boolean;
  /** Why Dry run, Apply and Roll back are disabled, if they are. */
  reason?: string;
}

/**
 * Rights first (the form context's access review, and the /api/me hint when it has loaded; the API server
 * decides in the end), then the endpoint's state by gateRollout, then whether it still exists.
 */
export function rolloutPermission(
  namespace: string,
  data: RolloutFormContext,
  me: { data?: Me; isPending: boolean },
  deleted: boolean,
): RolloutPermission {
  const readOnly = !data.canRollOut || (me.data !== undefined && !mayRollOut(me.data, namespace));
  if (readOnly) return { editable: false, reason: `You have read-only access to namespace ${namespace}.` };
  const gate = gateRollout(data.context);
  if (!gate.allowed) return { editable: data.context.endpointStatus !== 'Failed', reason: gate.reason };
  if (deleted)
    return {
      editable: true,
      reason:
        'The endpoint no longer exists (it was deleted after this form loaded), so there is nothing to roll out to. Your draft is kept in this tab.',
    };
  if (me.isPending || !me.data)
    return { editable: true, reason: 'Checking your session before anything can be submitted…' };
  return { editable: true };
}
