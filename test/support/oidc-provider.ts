// Acting at the harness's OpenID provider without a browser: signing in through its real login form,
// revoking tokens, and arming its ID-token faults. Every request is verified against the harness CA.
import type { OidcClientId } from '../../harness/oidc-provider/clients';
import type { IdTokenFaultKind } from '../../harness/oidc-provider/id-token-faults';
import { oidcUsers, type OidcUserName } from '../../harness/oidc-provider/users';
import { oidcHarness, type OidcHarness } from './oidc-harness';
import { httpsRequest, type HttpsResponse } from './oidc-https';

export type { IdTokenFaultKind, OidcClientId, OidcUserName };

/** Cookies as a browser keeps them for one origin: by name and path, dropped when the server expires them. */
class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  store(response: HttpsResponse) {
    for (const line of [response.headers['set-cookie'] ?? []].flat()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attribute = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? '/';
      const expires = attribute('expires');
      const key = `${name}\0${path}`;
      if (!value || (expires && Date.parse(expires) <= Date.now())) this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }

  header(url: URL): string {
    return [...this.cookies]
      .filter(([, cookie]) => url.pathname === cookie.path || url.pathname.startsWith(cookie.path.replace(/\/?$/, '/')))
      .map(([key, cookie]) => `${key.split('\0')[0]}=${cookie.value}`)
      .join('; ');
  }
}

const decodeEntities = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
  );
const attributeOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1] ?? undefined;

/** The form fields of a page, with the inputs a person would find by their labels' text. */
function readLoginForm(html: string, pageUrl: URL) {
  const form = /<form\b[^>]*>/i.exec(html)?.[0];
  if (!form) throw new Error(`the provider's page at ${pageUrl.pathname} has no form`);
  const inputs = [...html.matchAll(/<input\b[^>]*>/gi)].map((m) => m[0]);
  const labelled = (text: string) => {
    const label = [...html.matchAll(/<label\b[^>]*\sfor="([^"]+)"[^>]*>([^<]*)<\/label>/gi)].find(
      (m) => m[2]!.trim() === text,
    );
    const input = label && inputs.find((tag) => attributeOf(tag, 'id') === label[1]);
    const name = input && attributeOf(input, 'name');
    if (!name) throw new Error(`the provider's login page has no input labelled "${text}"`);
    return name;
  };
  if (!/<button\b[^>]*type="submit"[^>]*>\s*Sign in\s*<\/button>/i.test(html))
    throw new Error('the provider\'s login page has no "Sign in" button');
  const hidden = inputs
    .filter((tag) => attributeOf(tag, 'type') === 'hidden')
    .map((tag) => [attributeOf(tag, 'name') ?? '', decodeEntities(attributeOf(tag, 'value') ?? '')]);
  return {
    action: new URL(decodeEntities(attributeOf(form, 'action') ?? ''), pageUrl),
    username: labelled('Username'),
    password: labelled('Password'),
    hidden,
  };
}

const alertOf = (html: string) => /<[^>]+role="alert"[^>]*>([^<]*)</.exec(html)?.[1];
const textOf = (html: string) =>
  alertOf(html) ??
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The first POST form of a page: its absolute action and its hidden fields. */
function readPostForm(html: string, pageUrl: URL) {
  const form = /<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`the provider's page at ${pageUrl.pathname} has no form: ${textOf(html)}`);
  const hidden = [...form[1]!.matchAll(/<input\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => attributeOf(tag, 'type') === 'hidden')
    .map((tag) => [attributeOf(tag, 'name') ?? '', decodeEntities(attributeOf(tag, 'value') ?? '')]);
  return { action: new URL(decodeEntities(attributeOf(form[0], 'action') ?? ''), pageUrl), hidden };
}

export interface SignInOptions {
  /** Another password than the user's own, to see the provider refuse it. */
  password?: string;
}

type Visit = { leftTo: URL } | { url: URL; page: HttpsResponse };

/**
 * A browser's dealings with the provider, without a browser: one cookie jar (so a second sign-in finds the
 * provider session of the first, as single sign-on does), forms posted as the pages define them, redirects
 * followed until they leave the provider.
 */
export class ProviderBrowser {
  private readonly jar = new CookieJar();

  private async visit(start: URL, body?: URLSearchParams): Promise<Visit> {
    const { caFile } = await oidcHarness();
    let url = start;
    let request: { method: string; body?: string } = body
      ? { method: 'POST', body: body.toString() }
      : { method: 'GET' };
    for (let step = 0; step < 10; step++) {
      const headers: Record<string, string> = { cookie: this.jar.header(url), accept: 'text/html' };
      if (request.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await httpsRequest(url, caFile, { ...request, headers });
      this.jar.store(response);
      const location = response.headers.location;
      if (response.status < 300 || response.status >= 400 || typeof location !== 'string')
        return { url, page: response };
      const next = new URL(location, url);
      if (next.origin !== start.origin) return { leftTo: next };
      url = next;
      request = { method: 'GET' };
    }
    throw new Error('the provider redirected more than 10 times');
  }

  /**
   * Opens the authorization URL, signs in at the provider's login form (unless this browser still has a
   * provider session) and returns the URL the provider finally sends the browser to (the client's
   * redirect_uri with code and state, or with an error), without following it. Throws with the page's
   * message when the provider refuses the sign-in.
   */
  async signIn(authorizationUrl: string | URL, user: OidcUserName, options: SignInOptions = {}): Promise<URL> {
    const first = await this.visit(new URL(authorizationUrl));
    if ('leftTo' in first) return first.leftTo;
    if (first.page.status !== 200)
      throw new Error(`the provider refused the request (${first.page.status}): ${textOf(first.page.body)}`);
    const form = readLoginForm(first.page.body, first.url);
    const fields = new URLSearchParams(form.hidden);
    fields.set(form.username, user);
    fields.set(form.password, options.password ?? oidcUsers[user].password);
    const after = await this.visit(form.action, fields);
    if ('leftTo' in after) return after.leftTo;
    throw new Error(`the provider refused the sign-in (${after.page.status}): ${textOf(after.page.body)}`);
  }

  /**
   * Opens an RP-initiated logout URL (end_session_endpoint with id_token_hint and post_logout_redirect_uri),
   * answers "Yes, sign me out" if the provider asks, and returns where the provider then sends the browser:
   * the post_logout_redirect_uri, or the provider's own "Signed out" page when there is none.
   */
  async signOut(endSessionUrl: string | URL): Promise<URL> {
    const first = await this.visit(new URL(endSessionUrl));
    if ('leftTo' in first) return first.leftTo;
    if (first.page.status !== 200)
      throw new Error(`the provider refused the logout (${first.page.status}): ${textOf(first.page.body)}`);
    const form = readPostForm(first.page.body, first.url);
    const fields = new URLSearchParams(form.hidden);
    // With a provider session the page asks, and the button's name and value say yes; without one the page
    // posts its form by itself, logout=yes included.
    const yes = /<button\b[^>]*>\s*Yes, sign me out\s*<\/button>/i.exec(first.page.body)?.[0];
    const [name, value] = [yes && attributeOf(yes, 'name'), yes && attributeOf(yes, 'value')];
    if (name && value) fields.set(name, value);
    const after = await this.visit(form.action, fields);
    if ('leftTo' in after) return after.leftTo;
    if (after.page.status === 200 && /Signed out/.test(after.page.body)) return after.url;
    throw new Error(`the provider did not sign out (${after.page.status}): ${textOf(after.page.body)}`);
  }
}

/** One sign-in in a fresh browser: see ProviderBrowser.signIn. */
export const signInAtProvider = (authorizationUrl: string | URL, user: OidcUserName, options: SignInOptions = {}) =>
  new ProviderBrowser().signIn(authorizationUrl, user, options);

async function discovery(harness: OidcHarness): Promise<Record<string, unknown>> {
  const response = await httpsRequest(`${harness.issuer}/.well-known/openid-configuration`, harness.caFile);
  if (response.status !== 200) throw new Error(`the provider's discovery answered ${response.status}`);
  return JSON.parse(response.body);
}

/** The client's credentials as the provider expects them: Basic for the confidential clients, client_id for the public one. */
function clientAuthentication(
  harness: OidcHarness,
  clientId: OidcClientId,
): { headers: Record<string, string>; fields: Record<string, string> } {
  if (clientId === 'fleetdeck-public') return { headers: {}, fields: { client_id: clientId } };
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(harness.clientSecret)}`);
  return { headers: { authorization: `Basic ${basic.toString('base64')}` }, fields: {} };
}

/** Revokes a refresh or access token at the provider's RFC 7009 endpoint, as the client it was issued to. */
export async function revokeAtProvider(token: string, clientId: OidcClientId): Promise<void> {
  const harness = await oidcHarness();
  const endpoint = (await discovery(harness)).revocation_endpoint as string;
  const auth = clientAuthentication(harness, clientId);
  const response = await httpsRequest(endpoint, harness.caFile, {
    method: 'POST',
    headers: { ...auth.headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...auth.fields, token }).toString(),
  });
  if (response.status !== 200) throw new Error(`revocation answered ${response.status}: ${response.body}`);
}

/** A call to the provider's admin switches, `path` under /_harness/ (with its query). */
async function admin(method: string, body?: object, path = 'id-token-faults'): Promise<HttpsResponse> {
  const harness = await oidcHarness();
  const response = await httpsRequest(`${harness.issuer}/_harness/${path}`, harness.caFile, {
    method,
    headers: { authorization: `Bearer ${harness.adminToken}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(`the provider's /_harness/${path} answered ${response.status}: ${response.body}`);
  return response;
}

export interface IdTokenFaultScope {
  /** Spoil only a token response to this client (tests running side by side may share the provider). */
  clientId?: OidcClientId;
  /** Spoil only a token for this user. */
  user?: OidcUserName;
}

/**
 * Makes the provider's next token response (limited to a client or user if given) carry a defective ID token:
 * `wrong-audience` (aud other-app, or fleetdeck for other-app itself), `wrong-issuer` (another iss, signed with
 * a key the provider never published) or `expired` (exp an hour ago); the first and last keep the provider's
 * own signature.
 */
export async function armIdTokenFault(kind: IdTokenFaultKind, scope: IdTokenFaultScope = {}): Promise<void> {
  await admin('POST', { kind, clientId: scope.clientId, sub: scope.user && oidcUsers[scope.user].sub });
}

/**
 * Disarms the faults armed with this scope that are not spent yet; with no scope, every armed fault, also
 * those of other test files running beside this one.
 */
export async function disarmIdTokenFaults(scope: IdTokenFaultScope = {}): Promise<void> {
  const query = new URLSearchParams();
  if (scope.clientId) query.set('clientId', scope.clientId);
  if (scope.user) query.set('sub', oidcUsers[scope.user].sub);
  await admin('DELETE', undefined, `id-token-faults${query.size ? `?${query}` : ''}`);
}

/** Revokes every grant of `user` at the provider, as its administrator would: their refresh tokens stop working. */
export async function revokeGrantsAtProvider(user: OidcUserName): Promise<number> {
  const response = await admin('POST', { sub: oidcUsers[user].sub }, 'revoke-grants');
  return (JSON.parse(response.body) as { revoked: number }).revoked;
}
