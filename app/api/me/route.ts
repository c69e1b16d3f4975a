import { callerProfile } from '@/lib/server/fleet/caller-profile';
import { route } from '@/lib/server/http/route';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';

/** Who the caller is and what they may do per namespace (hints only; the API server stays the authority). */
export const GET = route({}, ({ identity }) => callerProfile(identity));

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
