import 'server-only';

/**
 * The revoked-sessions ConfigMap's `data`: one key per signed-out session id, its value the instant (ISO 8601,
 * whole seconds) the session would have ended anyway, and at most one epoch (`ALL_ENDING_BY`). Past its instant
 * an entry can go: the cookie it names is refused for its age. Never a token.
 */
export type RevocationData = Record<string, string>;

/**
 * The epoch key: every session that would end at or before its instant is signed out, whether listed or not.
 * Sessions all live 12 hours, so that is every session signed in 12 hours or more before it. Written when the
 * list is full, so dropping the oldest entries never lets one of their sessions back in.
 */
export const ALL_ENDING_BY = 'all-ending-by';

/** What a reader keeps of the object: the listed sessions (id → end of life, ms) and the epoch (ms, or 0). */
export interface Revocations {
  entries: Map<string, number>;
  allEndingBy: number;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
// Rounded up: a revocation may outlast its session by under a second, never end before it.
const wholeSecondUp = (ms: number) => Math.ceil(ms / 1000) * 1000;

// Session ids are 32 hex characters (session-cookie.ts); anything else in the object is not ours to read.
const SESSION_ID = /^[0-9a-f]{32}$/;

/** The entries and the epoch of `data`; malformed entries are skipped, a malformed epoch counts as none. */
export function readRevocations(data: RevocationData | undefined): Revocations {
  const entries = new Map<string, number>();
  for (const [sid, until] of Object.entries(data ?? {})) {
    const at = Date.parse(until);
    if (SESSION_ID.test(sid) && Number.isFinite(at)) entries.set(sid, at);
  }
  const epoch = Date.parse(data?.[ALL_ENDING_BY] ?? '');
  return { entries, allEndingBy: Number.isFinite(epoch) ? epoch : 0 };
}

/** Whether a session with id `sid` that ends at `endsAt` (ms) is signed out by `revocations` at `now`. */
export function revokes(revocations: Revocations, sid: string, endsAt: number, now: number): boolean {
  if (endsAt <= revocations.allEndingBy) return true;
  const until = revocations.entries.get(sid);
  return until !== undefined && until >= now;
}

/** What a write did: the new `data`, and the epoch it moved to when the list was full (else undefined). */
export interface RevocationWrite {
  data: RevocationData;
  newEpoch?: number;
}

/**
 * `data` with session `sid` revoked until `until` (ms), every entry (and epoch) that ended before `now` dropped,
 * and no more than `max` entries. When more would remain, the oldest are dropped until half of `max` remain and
 * the epoch moves to the end of life of the newest dropped one: that signs out every session ending by then
 * (the dropped ones among them), so the list stays bounded and never forgets a sign-out. The sessions so ended
 * are the oldest ones, the nearest to their end anyway.
 */
export function withRevocation(
  data: RevocationData | undefined,
  sid: string,
  until: number,
  now: number,
  max: number,
): RevocationWrite {
  const current = readRevocations(data);
  let allEndingBy = current.allEndingBy >= now ? current.allEndingBy : 0;
  const live = [...current.entries].filter(([key, at]) => key !== sid && at >= now && at > allEndingBy);
  const added = wholeSecondUp(until);
  if (added > allEndingBy) live.push([sid, added]);
  let newEpoch: number | undefined;
  if (live.length > max) {
    live.sort((a, b) => a[1] - b[1]);
    const dropped = live.splice(0, live.length - Math.floor(max / 2));
    allEndingBy = Math.max(allEndingBy, dropped[dropped.length - 1]![1]);
    newEpoch = allEndingBy;
  }
  const next: RevocationData = allEndingBy > 0 ? { [ALL_ENDING_BY]: iso(allEndingBy) } : {};
  // Entries the epoch covers (the same second as the newest dropped one) add nothing.
  for (const [key, at] of live) if (at > allEndingBy) next[key] = iso(at);
  return newEpoch === undefined ? { data: next } : { data: next, newEpoch };
}
