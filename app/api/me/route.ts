import { callerProfile } from '@/lib/server/fleet/caller-profile';
import { serverConfig } from '@/lib/server/config';
import { route } from '@/lib/server/http/route';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';

/**
 * Who the caller is and what they may do per namespace (hints only; the API server stays the authority), and
 * for a sign-in session its idle timeout, which a page that only watches its stream paces its keep-alive by.
 */
export const GET = route({}, async ({ identity }) => ({
  ...(await callerProfile(identity)),
  sessionIdleSeconds: identity.sessionEndsAt !== undefined ? serverConfig().FLEETDECK_SESSION_IDLE_SECONDS : null,
}));

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
