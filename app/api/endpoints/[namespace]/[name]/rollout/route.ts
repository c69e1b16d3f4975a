import { endpointPathSchema } from '@/lib/api/path-params';
import { rolloutRequestSchema } from '@/lib/schemas/rollout-request';
import { route } from '@/lib/server/http/route';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';
import { rolloutFormContext } from '@/lib/server/rollout/rollout-form-context';
import { submitRollout } from '@/lib/server/rollout/submit-rollout';

/** What the rollout form starts from: endpoint, live config, models, gate, rights and history. */
export const GET = route({ params: endpointPathSchema }, ({ identity, params }) =>
  rolloutFormContext(identity, params.namespace, params.name),
);

/** Dry-runs or applies a rollout, as the caller. */
export const POST = route({ params: endpointPathSchema, body: rolloutRequestSchema }, ({ identity, params, body }) =>
  submitRollout(identity, params.namespace, params.name, body),
);

const notAllowed = methodNotAllowed('GET', 'POST');
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
