import 'server-only';
import { serverConfig } from '../config';

/**
 * Whether browsers reach Fleetdeck over https: FLEETDECK_ORIGIN says so, and nothing a client sends does (an
 * X-Forwarded-Proto header can be forged by anyone who reaches the server directly). HSTS and the session
 * cookie's `__Host-` name both follow this one rule.
 */
export const servedOverHttps = (): boolean => serverConfig().FLEETDECK_ORIGIN?.startsWith('https:') ?? false;
