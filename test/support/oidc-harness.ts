// Where the harness's OpenID provider is and its secrets: from vitest's global setup in integration tests,
// from the environment `harness up` prints everywhere else (Playwright, scripts). No vitest import at load
// time, so Playwright can use the modules built on this one.

export interface OidcHarness {
  /** The provider's issuer, https://127.0.0.1:<port>. */
  issuer: string;
  /** The secret of the confidential clients fleetdeck, fleetdeck-short and other-app. */
  clientSecret: string;
  /** Bearer token of the provider's /_harness/ endpoints. */
  adminToken: string;
  /** The harness CA, which signed the provider's certificate. */
  caFile: string;
  /** Base64 SHA-256 of the provider certificate's SubjectPublicKeyInfo, for Chromium's SPKI allow list. */
  spki: string;
}

/** The OidcHarness described by `harness up`'s exports, or undefined when they are not all there. */
export function oidcHarnessFromExports(exports: Record<string, string | undefined>): OidcHarness | undefined {
  const harness = {
    issuer: exports.FLEETDECK_HARNESS_OIDC_ISSUER,
    clientSecret: exports.FLEETDECK_HARNESS_OIDC_CLIENT_SECRET,
    adminToken: exports.FLEETDECK_HARNESS_OIDC_ADMIN_TOKEN,
    caFile: exports.FLEETDECK_HARNESS_OIDC_CA_FILE,
    spki: exports.FLEETDECK_HARNESS_OIDC_SPKI,
  };
  return Object.values(harness).every(Boolean) ? (harness as OidcHarness) : undefined;
}

export async function oidcHarness(): Promise<OidcHarness> {
  // Under vitest the global setup's control plane wins over whatever a shell may have exported.
  if (process.env.VITEST) {
    const { inject } = await import('vitest');
    return inject('controlPlane').oidc;
  }
  const harness = oidcHarnessFromExports(process.env);
  if (!harness) throw new Error('FLEETDECK_HARNESS_OIDC_* is not set; run eval "$(bash harness/harness up)" first');
  return harness;
}
