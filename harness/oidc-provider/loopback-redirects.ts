// Fleetdeck runs on a different loopback port in every test, so no fixed list of redirect URIs can name
// them. RFC 8252 §7.3 lets a provider accept any port on a loopback redirect URI; oidc-provider does that
// only for native clients and only for the registered path, while Fleetdeck is a web client with its own
// paths. Its documented extension point is the Client model, so the harness widens these two checks there,
// for loopback http URIs only: anything else still has to be registered exactly.
import type Provider from 'oidc-provider';

const loopbackHosts = new Set(['127.0.0.1', 'localhost']);

export function isLoopbackHttpUri(value: string): boolean {
  const url = URL.parse(value);
  return url !== null && url.protocol === 'http:' && loopbackHosts.has(url.hostname) && !url.hash;
}

export function acceptLoopbackRedirects(provider: Provider): void {
  const prototype = provider.Client.prototype;
  const redirectUriAllowed = prototype.redirectUriAllowed;
  const postLogoutRedirectUriAllowed = prototype.postLogoutRedirectUriAllowed;
  prototype.redirectUriAllowed = function (value: string) {
    return isLoopbackHttpUri(value) || redirectUriAllowed.call(this, value);
  };
  prototype.postLogoutRedirectUriAllowed = function (value: string) {
    return isLoopbackHttpUri(value) || postLogoutRedirectUriAllowed.call(this, value);
  };
}
