// The harness provider's static clients. Fleetdeck signs in as `fleetdeck` (or `fleetdeck-public`);
// `fleetdeck-short` has 15-second tokens for tests that watch refreshes; `other-app` holds tokens that
// kube-apiserver must refuse: authentication.yaml (written by harness/harness) trusts the other three only.
import type { ClientMetadata } from 'oidc-provider';

export const oidcClientIds = ['fleetdeck', 'fleetdeck-public', 'fleetdeck-short', 'other-app'] as const;
export type OidcClientId = (typeof oidcClientIds)[number];

/** Lifetime of ID and access tokens for `fleetdeck-short`, in seconds. */
export const shortTokenSeconds = 15;

// Registered only because the provider wants one; any loopback URI is accepted (see loopback-redirects.ts).
const placeholderRedirect = 'http://127.0.0.1/callback';
const placeholderPostLogoutRedirect = 'http://127.0.0.1/';

export function oidcClients(secret: string): ClientMetadata[] {
  const common = {
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [placeholderRedirect],
    post_logout_redirect_uris: [placeholderPostLogoutRedirect],
  } satisfies Partial<ClientMetadata>;
  const confidential = { ...common, client_secret: secret, token_endpoint_auth_method: 'client_secret_basic' as const };
  return [
    { ...confidential, client_id: 'fleetdeck', client_name: 'Fleetdeck' },
    { ...common, client_id: 'fleetdeck-public', client_name: 'Fleetdeck (public)', token_endpoint_auth_method: 'none' },
    { ...confidential, client_id: 'fleetdeck-short', client_name: 'Fleetdeck (short-lived tokens)' },
    { ...confidential, client_id: 'other-app', client_name: 'Another application' },
  ];
}
