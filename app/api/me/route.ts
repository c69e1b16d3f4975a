import { callerProfile } from '@/lib/server/fleet/caller-profile';
import { route } from '@/lib/server/http/route';

/** Who the caller is and what they may do per namespace (hints only; the API server stays the authority). */
export const GET = route({}, ({ identity }) => callerProfile(identity));
