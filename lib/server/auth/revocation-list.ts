import 'server-only';

/**
 * The revoked-sessions ConfigMap's `data`: one key per signed-out session id, its value the instant (ISO 8601,
 * whole seconds) the session would have ended anyway. Past that instant the entry can go: the cookie it names
 * is refused for its age. Never a token.
 */
export type RevocationData = Record<string, string>;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// Session ids are 32 hex characters (session-cookie.ts); anything else in the object is not ours to read.
const SESSION_ID = /^[0-9a-f]{32}$/;

/** The entries of `data` as session id → end of life (ms since the epoch); malformed entries are skipped. */
export function readRevocations(data: RevocationData | undefined): Map<string, number> {
  const entries = new Map<string, number>();
  for (const [sid, until] of Object.entries(data ?? {})) {
    const at = Date.parse(until);
    if (SESSION_ID.test(sid) && Number.isFinite(at)) entries.set(sid, at);
  }
  return entries;
}

/**
 * `data` with session `sid` revoked until `until` (ms) and every entry that ended before `now` dropped, so the
 * object holds only sessions that could still be used: at most the sign-outs of one session lifetime.
 */
export function withRevocation(
  data: RevocationData | undefined,
  sid: string,
  until: number,
  now: number,
): RevocationData {
  const next: RevocationData = {};
  for (const [key, at] of readRevocations(data)) if (at >= now) next[key] = iso(at);
  next[sid] = iso(Math.ceil(until / 1000) * 1000);
  return next;
}
