// A fault switch for tests: arm the next token-endpoint response to carry a defective ID token, so a
// client's validation (Fleetdeck's, and kube-apiserver's) can be shown to refuse it. The provider itself
// never issues such tokens; this middleware rewrites a good one on its way out.
import { timingSafeEqual, createHash } from 'node:crypto';
import type Provider from 'oidc-provider';
import { decodeJwt, newSigningKey, signJwt, type SigningKey } from './signing-keys';

type Middleware = Parameters<Provider['use']>[0];

export const idTokenFaultKinds = ['wrong-audience', 'wrong-issuer', 'expired'] as const;
export type IdTokenFaultKind = (typeof idTokenFaultKinds)[number];

export interface IdTokenFault {
  kind: IdTokenFaultKind;
  /** Only a token response to this client is spoiled; any client when absent. */
  clientId?: string;
  /** Only a token for this subject is spoiled; any subject when absent. */
  sub?: string;
}

export const impostorIssuer = 'https://impostor.invalid';
const foreignAudience = 'other-app';

function spoil(
  token: string,
  fault: IdTokenFault,
  keys: { own: SigningKey; impostor: SigningKey },
  clientId: string,
): string {
  const { header, payload } = decodeJwt(token);
  const now = Math.floor(Date.now() / 1000);
  switch (fault.kind) {
    case 'wrong-audience':
      // Minted for another client: the one mix-up that a bare signature check never catches.
      return signJwt(
        header,
        { ...payload, aud: clientId === foreignAudience ? 'fleetdeck' : foreignAudience, azp: undefined },
        keys.own,
      );
    case 'wrong-issuer':
      return signJwt(header, { ...payload, iss: impostorIssuer }, keys.impostor);
    case 'expired':
      // An hour past expiry, far beyond any verifier's clock tolerance.
      return signJwt(header, { ...payload, iat: now - 7200, exp: now - 3600 }, keys.own);
  }
}

export function parseFault(body: unknown): IdTokenFault {
  const input = (body ?? {}) as Record<string, unknown>;
  if (!idTokenFaultKinds.includes(input.kind as IdTokenFaultKind))
    throw new Error(`kind must be one of ${idTokenFaultKinds.join(', ')}`);
  for (const key of ['clientId', 'sub'] as const)
    if (input[key] !== undefined && typeof input[key] !== 'string') throw new Error(`${key} must be a string`);
  return { kind: input.kind as IdTokenFaultKind, clientId: input.clientId as string, sub: input.sub as string };
}

/** Whether a request to /_harness/ carries the admin token. */
export const isAdminRequest = (ctx: Parameters<Middleware>[0], adminToken: string) => {
  const auth = ctx.get('authorization');
  return auth.startsWith('Bearer ') && sameSecret(auth.slice('Bearer '.length), adminToken);
};

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export async function readJson(ctx: Parameters<Middleware>[0]): Promise<unknown> {
  let text = '';
  for await (const chunk of ctx.req) {
    text += chunk;
    if (text.length > 4096) throw new Error('body too large');
  }
  return text ? JSON.parse(text) : {};
}

/**
 * `/_harness/healthz` (open), and with `Authorization: Bearer <admin token>`:
 * `POST /_harness/id-token-faults` {kind, clientId?, sub?} arms one fault, `DELETE` disarms them all (or,
 * with ?clientId= and/or ?sub=, those armed with that scope), `GET` lists the armed ones. Each armed fault spoils the first matching token response, then is spent.
 */
export function idTokenFaults(adminToken: string, ownKey: SigningKey): Middleware {
  const armed: IdTokenFault[] = [];
  const keys = { own: ownKey, impostor: newSigningKey('impostor') };
  return async (ctx, next) => {
    if (ctx.path === '/_harness/healthz') {
      ctx.body = { ok: true };
      return;
    }
    if (ctx.path === '/_harness/id-token-faults') {
      if (!isAdminRequest(ctx, adminToken)) {
        ctx.status = 401;
        ctx.body = { error: 'the harness admin token is required' };
        return;
      }
      if (ctx.method === 'GET') ctx.body = { armed };
      else if (ctx.method === 'DELETE') {
        // ?clientId= and ?sub= disarm only the faults armed with that scope, leaving other tests' alone.
        const { clientId, sub } = ctx.query;
        const kept = armed.filter((f) => (clientId && f.clientId !== clientId) || (sub && f.sub !== sub));
        armed.splice(0, armed.length, ...kept);
        ctx.status = 204;
      } else if (ctx.method === 'POST') {
        try {
          armed.push(parseFault(await readJson(ctx)));
          ctx.status = 204;
        } catch (error) {
          ctx.status = 400;
          ctx.body = { error: (error as Error).message };
        }
      } else ctx.status = 405;
      return;
    }
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200 || typeof body?.id_token !== 'string') return;
    const clientId = ctx.oidc.client?.clientId ?? '';
    const sub = decodeJwt(body.id_token).payload.sub;
    const index = armed.findIndex((f) => (!f.clientId || f.clientId === clientId) && (!f.sub || f.sub === sub));
    if (index === -1) return;
    const [fault] = armed.splice(index, 1);
    body.id_token = spoil(body.id_token, fault!, keys, clientId);
    console.log(`spoiled the ID token for ${clientId} (${String(sub)}): ${fault!.kind}`);
  };
}
