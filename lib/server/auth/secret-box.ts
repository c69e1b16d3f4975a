import 'server-only';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { serverConfig } from '../config';

// On globalThis: each route is bundled separately, and module state is not shared between bundles.
const holder = globalThis as typeof globalThis & { __fleetdeckGeneratedSecret?: string };

/**
 * The key material for cookies. Without FLEETDECK_SESSION_SECRET a random one is made per process: sessions
 * then end with a restart and cannot be shared by replicas, which is fine for a single local server.
 */
function secret(): string {
  const configured = serverConfig().FLEETDECK_SESSION_SECRET;
  if (configured) return configured;
  holder.__fleetdeckGeneratedSecret ??= randomBytes(32).toString('hex');
  return holder.__fleetdeckGeneratedSecret;
}

const keyFor = (purpose: string) => createHash('sha256').update(`${purpose}:${secret()}`).digest();

/** Encrypts and authenticates a value (AES-256-GCM) for a cookie no script can read or forge. */
export function seal(value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor('seal'), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed value, or undefined if it was tampered with, expired keys, or is not ours. */
export function unseal(sealed: string): unknown {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFor('seal'), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A keyed hash, for CSRF tokens bound to a session. */
export const sign = (value: string) => createHmac('sha256', keyFor('sign')).update(value).digest('base64url');

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
