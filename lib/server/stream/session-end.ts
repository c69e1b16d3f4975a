import 'server-only';
import type { Identity } from '../auth/identity';
import { revocationStore } from '../auth/revocation-store';
import { AppError } from '../http/app-error';

// setTimeout holds at most 2^31-1 ms; a session never lives that long, but a clock jump must not fire it at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `end` (once) when the sign-in session behind a stream ends: signed out on any replica (as soon as this
 * replica's watch of the revocation list sees it; in oidc mode also when the provider refused a refresh) or at
 * its absolute lifetime. Only token- and oidc-mode identities have sessions; for the others nothing ever fires. Returns the function that stops watching.
 */
export function onSessionEnd(identity: Identity, end: (reason: AppError) => void): () => void {
  if (identity.sessionEndsAt === undefined) return () => {};
  let done = false;
  const finish = (message: string) => {
    if (done) return;
    stop();
    end(new AppError('unauthenticated', message));
  };
  const signedOut = () =>
    finish('This session has ended (signed out, or your identity provider ended it); sign in again.');
  const revocations = revocationStore();
  const endsAt = identity.sessionEndsAt;
  // Listed by id, or ended with every older session when the list was full.
  const unsubscribe = revocations.onRevoked(() => {
    if (revocations.isRevoked(identity.sessionId, endsAt)) signedOut();
  });
  // Signed out between the request's check and now: end it too, once the caller has finished setting up.
  if (revocations.isRevoked(identity.sessionId, endsAt)) queueMicrotask(signedOut);
  const timer = setTimeout(
    () => finish('This session has expired; sign in again.'),
    Math.min(MAX_TIMER_MS, Math.max(0, identity.sessionEndsAt - Date.now())),
  );
  const stop = () => {
    done = true;
    unsubscribe();
    clearTimeout(timer);
  };
  return stop;
}
