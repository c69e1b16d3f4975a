// NextToken values: opaque to clients, tied to the request they continue so that a token passed with other
// parameters is refused (InvalidNextToken) instead of silently paging something else.
import { createHash } from 'node:crypto';
import { CloudWatchError } from './errors';

/** A short digest of the request's parameters other than NextToken. */
export function requestFingerprint(input: Record<string, unknown>): string {
  const { NextToken: _token, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}

export function encodeToken(fingerprint: string, position: unknown): string {
  return Buffer.from(JSON.stringify({ f: fingerprint, p: position })).toString('base64url');
}

/** The position a token carries; throws InvalidNextToken for a token of another request or not one at all. */
export function decodeToken(token: string, fingerprint: string): unknown {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { f?: unknown; p?: unknown };
    if (parsed.f === fingerprint && parsed.p !== undefined) return parsed.p;
  } catch {
    // Falls through to the refusal below.
  }
  throw new CloudWatchError('InvalidNextToken', 'The next token specified is invalid.');
}
