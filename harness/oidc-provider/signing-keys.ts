// Signing keys made fresh at every start: nothing to keep secret between runs, and a token from an
// earlier run can never verify against this one.
import { generateKeyPairSync, randomBytes, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The private JWK the provider signs with (RS256). */
  jwk: JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };
}

export function newSigningKey(label: string): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `${label}-${randomBytes(6).toString('hex')}`;
  return { kid, privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

const encodePart = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  if (!header || !payload) throw new Error('not a JWT');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
  };
}

/** A compact RS256 JWS of the payload, signed with the key and naming it in `kid`. */
export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: SigningKey): string {
  const input = `${encodePart({ ...header, alg: 'RS256', kid: key.kid })}.${encodePart(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}
