import 'server-only';

// An ID token is replaced this long before it expires: a quarter of its lifetime, at least 5 s (clock skew
// between Fleetdeck and the API server, and the refresh itself) and at most 2 minutes.
const MIN_MARGIN_MS = 5_000;
const MAX_MARGIN_MS = 120_000;

/** When (ms) a token issued at `issuedAt` and expiring at `expiresAt` (both ms) should be refreshed. */
export function refreshDueAt(issuedAt: number, expiresAt: number): number {
  const margin = Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, (expiresAt - issuedAt) / 4));
  return expiresAt - margin;
}
