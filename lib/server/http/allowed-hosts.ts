import 'server-only';
import { normalizeHost, serverConfig } from '../config';

/**
 * True when a Host header names a host Fleetdeck answers to (FLEETDECK_ALLOWED_HOSTS, by default the loopback
 * names, plus FLEETDECK_ORIGIN's host). A configured name without a port matches any port. Checking the Host
 * stops DNS rebinding: a page on another name that resolves to this server still sends its own name.
 */
export function isAllowedHost(host: string | null): boolean {
  const normalized = host === null ? undefined : normalizeHost(host);
  if (!normalized) return false;
  const allowed = serverConfig().allowedHosts;
  return allowed.has(normalized) || allowed.has(new URL(`http://${normalized}`).hostname);
}
