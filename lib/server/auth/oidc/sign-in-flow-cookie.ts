import 'server-only';
import { z } from 'zod';
import { servedOverHttps } from '../../http/served-over-https';
import { seal, unseal } from '../secret-box';
import type { SignInChecks } from './provider-client';

/** How long a person may take at the provider's page before the sign-in must start over. */
export const SIGN_IN_FLOW_SECONDS = 600;

const flowSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  /** The page first asked for (a same-site path), to land on after signing in. */
  next: z.string(),
});
export type SignInFlow = z.infer<typeof flowSchema>;

// One cookie per sign-in under way, named by its state, so two tabs signing in at once do not undo each other.
const cookieName = (state: string) =>
  `${servedOverHttps() ? '__Host-' : ''}fleetdeck_oidc_${state.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 16)}`;

// SameSite=Lax, unlike the session cookie: the provider's redirect back is a cross-site navigation, and a
// Strict cookie would not come with it. It holds no credential, only what proves the answer is for this browser.
const attributes = (maxAge: number) =>
  `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${servedOverHttps() ? '; Secure' : ''}`;

/** The Set-Cookie header that remembers a sign-in under way (sealed: neither readable nor forgeable). */
export const signInFlowCookie = (checks: SignInChecks, next: string) =>
  `${cookieName(checks.state)}=${seal({ ...checks, next } satisfies SignInFlow)}; ${attributes(SIGN_IN_FLOW_SECONDS)}`;

/** The Set-Cookie header that forgets it: a code is redeemed once, whatever the outcome. */
export const clearedSignInFlowCookie = (state: string) => `${cookieName(state)}=; ${attributes(0)}`;

/** The sign-in under way that `state` names, if this browser started it and it has not expired. */
export function readSignInFlow(request: Pick<Request, 'headers'>, state: string): SignInFlow | undefined {
  const name = cookieName(state);
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    const parsed = flowSchema.safeParse(unseal(rest.join('=')));
    // The name holds part of the state; the sealed value must hold all of it.
    if (parsed.success && parsed.data.state === state) return parsed.data;
  }
  return undefined;
}
