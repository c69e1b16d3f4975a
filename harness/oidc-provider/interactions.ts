// The provider's sign-in: a username and password form that checks the password, as a real provider's
// does (oidc-provider's devInteractions accept any name without one). Consent is never asked: every client
// here is the harness's own (first-party), so `loadExistingGrant` grants what they ask for.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { errorPage, loginErrorMessage, loginPage } from './pages';
import { findOidcUser } from './users';

type Middleware = Parameters<Provider['use']>[0];
type Context = Parameters<Middleware>[0];

const formLimitBytes = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > formLimitBytes) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The account id for a correct username and password; undefined otherwise. */
export function checkPassword(username: string, password: string): string | undefined {
  const user = findOidcUser(username);
  // Compared in constant time, as a provider must; the digest evens out the lengths.
  const expected = digest(user?.password ?? '');
  return user && timingSafeEqual(digest(password), expected) ? user.sub : undefined;
}

async function clientNameOf(provider: Provider, clientId: unknown): Promise<string> {
  const client = typeof clientId === 'string' ? await provider.Client.find(clientId) : undefined;
  return client?.clientName ?? client?.clientId ?? 'the application';
}

async function showLogin(provider: Provider, ctx: Context) {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.prompt.name !== 'login') {
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = errorPage({
      error: 'unexpected_prompt',
      error_description: `no page for prompt ${details.prompt.name}`,
    });
    return;
  }
  ctx.type = 'html';
  ctx.body = loginPage({ uid: details.uid, clientName: await clientNameOf(provider, details.params.client_id) });
}

async function submitLogin(provider: Provider, ctx: Context) {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.prompt.name !== 'login') throw new errors.InvalidRequest('this interaction does not expect a sign-in');
  const form = await readForm(ctx.req);
  const username = form.get('username') ?? '';
  const accountId = checkPassword(username, form.get('password') ?? '');
  if (!accountId) {
    ctx.status = 401;
    ctx.type = 'html';
    ctx.body = loginPage({
      uid: details.uid,
      clientName: await clientNameOf(provider, details.params.client_id),
      username,
      error: loginErrorMessage,
    });
    return;
  }
  await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId } }, { mergeWithLastSubmission: false });
}

const interactionPath = /^\/interaction\/([\w-]+)(\/login)?$/;

export function interactionRoutes(provider: Provider): Middleware {
  return async (ctx, next) => {
    const match = interactionPath.exec(ctx.path);
    if (!match) return next();
    ctx.set('cache-control', 'no-store');
    try {
      if (ctx.method === 'GET' && !match[2]) return await showLogin(provider, ctx);
      if (ctx.method === 'POST' && match[2]) return await submitLogin(provider, ctx);
      ctx.status = 405;
    } catch (error) {
      // An expired or foreign interaction (no cookie) is the person's problem to start over, not a crash.
      if (!(error instanceof errors.OIDCProviderError)) throw error;
      ctx.status = error.statusCode;
      ctx.type = 'html';
      ctx.body = errorPage({ error: error.message, error_description: error.error_description ?? '' });
    }
  };
}

/** Grants first-party clients every scope and claim they request, so no consent page is ever shown. */
export async function grantFirstPartyRequest(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const { client, account, provider } = oidc;
  if (!client || !account) return undefined;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(client.clientId);
  const grant =
    (grantId ? await provider.Grant.find(grantId) : undefined) ??
    new provider.Grant({ accountId: account.accountId, clientId: client.clientId });
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
  if (oidc.requestParamClaims.size) grant.addOIDCClaims([...oidc.requestParamClaims]);
  await grant.save();
  return grant;
}
