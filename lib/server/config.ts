import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { defaultErrorRateAttention } from '@/lib/endpoints/metric-specs';
import { cloudWatchRolesSetting } from './cloudwatch/cloudwatch-roles';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

/** The loopback host names a local browser uses; the only ones answered by default. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** True for an address or name that only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** `host[:port]` normalized as a URL would (lower case, IPv6 in brackets, default port dropped), or undefined. */
export function normalizeHost(host: string): string | undefined {
  const trimmed = host.trim();
  // A Host header is a name and maybe a port: no path, query, credentials or spaces.
  if (!trimmed || /[/?#@\\\s]/.test(trimmed)) return undefined;
  try {
    return new URL(`http://${trimmed}`).host || undefined;
  } catch {
    return undefined;
  }
}

const baseSchema = z.object({
  // The server's own identity: a kubeconfig file, or in-cluster config when unset inside a pod.
  KUBECONFIG: z.string().min(1).optional(),
  KUBERNETES_SERVICE_HOST: z.string().optional(),
  /**
   * How callers are identified: a pasted bearer token, an authenticating proxy, one local kubeconfig, or a
   * sign-in at the company's OpenID provider whose ID token the API server trusts.
   */
  FLEETDECK_AUTH_MODE: z.enum(['token', 'proxy', 'kubeconfig', 'oidc']).default('token'),
  /** Encrypts session cookies (token mode) and signs CSRF tokens; at least 32 characters, shared by replicas. */
  FLEETDECK_SESSION_SECRET: z.string().min(32, 'FLEETDECK_SESSION_SECRET must be at least 32 characters').optional(),
  /** The exact origin browsers use, e.g. https://fleetdeck.example.com; mutating requests must come from it. */
  FLEETDECK_ORIGIN: z.url().optional(),
  /** proxy mode: the shared secret the proxy sends, and the headers naming the user and groups. */
  FLEETDECK_PROXY_SECRET: z.string().min(16, 'FLEETDECK_PROXY_SECRET must be at least 16 characters').optional(),
  FLEETDECK_PROXY_SECRET_HEADER: z.string().default('x-fleetdeck-proxy-secret'),
  FLEETDECK_PROXY_USER_HEADER: z.string().default('x-forwarded-user'),
  FLEETDECK_PROXY_GROUPS_HEADER: z.string().default('x-forwarded-groups'),
  /** proxy mode: the system: groups a proxy may assert (comma-separated); every other system: group is refused. */
  FLEETDECK_PROXY_ALLOWED_SYSTEM_GROUPS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((group) => group.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().startsWith('system:', 'FLEETDECK_PROXY_ALLOWED_SYSTEM_GROUPS names system: groups only'))),
  /** oidc mode: the provider's issuer URL (its discovery document is read at the first sign-in). */
  FLEETDECK_OIDC_ISSUER: z.url('FLEETDECK_OIDC_ISSUER must be a URL').optional(),
  FLEETDECK_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** oidc mode: unset for a public client, which PKCE alone protects. */
  FLEETDECK_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** oidc mode: space-separated; offline_access asks for the refresh token, groups for the groups claim. */
  FLEETDECK_OIDC_SCOPES: z
    .string()
    .default('openid profile email groups offline_access')
    .transform((value) => value.split(/\s+/).filter(Boolean))
    .pipe(
      z.array(z.string()).refine((scopes) => scopes.includes('openid'), 'FLEETDECK_OIDC_SCOPES must include openid'),
    ),
  /**
   * oidc mode: the claims and prefixes the API server maps to user and groups (its claimMappings). Fleetdeck
   * reads the same ones to name the user, to tell when no groups arrived, and to warn when the two disagree.
   */
  FLEETDECK_OIDC_USERNAME_CLAIM: z.string().min(1).default('sub'),
  FLEETDECK_OIDC_USERNAME_PREFIX: z.string().default(''),
  FLEETDECK_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  FLEETDECK_OIDC_GROUPS_PREFIX: z.string().default(''),
  /** oidc mode: what the sign-in button calls the provider ("Sign in with Keycloak"). */
  FLEETDECK_OIDC_PROVIDER_NAME: z.string().min(1).default('your identity provider'),
  /** oidc mode: a PEM file of CAs to trust for the provider's certificate besides the system's (a private CA). */
  FLEETDECK_OIDC_CA_FILE: z.string().min(1).optional(),
  /** kubeconfig mode: whose identity everyone acts with, and whether non-loopback hosts may use it. */
  FLEETDECK_USER_KUBECONFIG: z.string().min(1).optional(),
  FLEETDECK_KUBECONFIG_ALLOW_REMOTE: flag,
  /** Demo only: a directory of kubeconfigs the sign-in page offers as one-click users. */
  FLEETDECK_DEMO_KUBECONFIGS: z.string().min(1).optional(),
  /** This server is a demo: every page says so, and only then are FLEETDECK_DEMO_KUBECONFIGS offered. */
  FLEETDECK_DEMO: flag,
  FLEETDECK_DEMO_ALLOW_REMOTE: flag,
  /**
   * The address the server listens on, set by scripts/start-server.mjs (`npm start`). Unset means unknown,
   * which counts as beyond loopback: `next dev` and `next start` listen on every interface by default.
   */
  FLEETDECK_LISTEN_HOST: z.string().min(1).optional(),
  /** The Host names (host[:port], comma-separated) Fleetdeck answers to; others get 421. */
  FLEETDECK_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const hosts: string[] = [];
      for (const entry of value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)) {
        const host = normalizeHost(entry);
        if (host) hosts.push(host);
        else context.addIssue({ code: 'custom', message: `${JSON.stringify(entry)} is not a host[:port]` });
      }
      return hosts;
    }),
  /** Live streams this replica holds at most, for everyone together. */
  FLEETDECK_MAX_STREAMS: z.coerce.number().int().positive().default(1000),
  FLEETDECK_MAX_STREAMS_PER_IDENTITY: z.coerce.number().int().positive().default(8),
  /** How often an open stream re-checks the caller's rights, with fresh access reviews. */
  FLEETDECK_STREAM_RENEW_SECONDS: z.coerce.number().positive().default(60),
  /** Unread bytes a stream may hold for a client that stopped reading before it is closed. */
  FLEETDECK_STREAM_BUFFER_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** token mode: a session unused for this long ends, besides its absolute lifetime of 12 hours. */
  FLEETDECK_SESSION_IDLE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 3600),
  /** How long an apply waits for SageMaker to have the new EndpointConfig before pointing the Endpoint at it. */
  FLEETDECK_ROLLOUT_SYNC_SECONDS: z.coerce.number().nonnegative().default(60),
  /**
   * token mode: signed-out sessions the revoked-sessions ConfigMap lists at most (about 60 bytes each, under
   * the 1 MiB object limit); when full, the oldest half gives way to an epoch (docs/decisions/005).
   */
  FLEETDECK_REVOKED_SESSIONS_MAX: z.coerce.number().int().min(2).default(10_000),
  /** Whether the metrics routes read CloudWatch at all; `off` answers them with a `disabled` source. */
  FLEETDECK_CLOUDWATCH: z.enum(['on', 'off']).default('on'),
  /**
   * The sample period of the canary verdict's series; SageMaker publishes per minute, tests use a few seconds.
   * GetMetricData takes only these periods (high resolution below a minute), and answers any other with an error.
   */
  FLEETDECK_CLOUDWATCH_VERDICT_PERIOD_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .refine(
      (seconds) => [1, 5, 10, 30].includes(seconds) || seconds % 60 === 0,
      'FLEETDECK_CLOUDWATCH_VERDICT_PERIOD_SECONDS must be 1, 5, 10, 30 or a multiple of 60 (CloudWatch takes no other period)',
    )
    .default(60),
  /** Owner account id → IAM role to assume for its CloudWatch, as JSON; unmapped accounts use the default chain. */
  FLEETDECK_CLOUDWATCH_ROLES: cloudWatchRolesSetting,
  /** The 5XX share of invocations, 0..1, above which the fleet row and overview flag an endpoint. */
  FLEETDECK_ERROR_RATE_ATTENTION: z.coerce.number().gt(0).max(1).default(defaultErrorRateAttention),
  /** token mode: the namespace of Fleetdeck's own objects (the revoked-sessions ConfigMap). */
  FLEETDECK_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'FLEETDECK_NAMESPACE must be a namespace name')
    .default('fleetdeck'),
});

const envSchema = baseSchema.superRefine((env, context) => {
  if (env.FLEETDECK_AUTH_MODE === 'proxy' && !env.FLEETDECK_PROXY_SECRET) {
    context.addIssue({
      code: 'custom',
      path: ['FLEETDECK_PROXY_SECRET'],
      message: 'proxy mode needs FLEETDECK_PROXY_SECRET',
    });
  }
  if (env.FLEETDECK_AUTH_MODE === 'oidc') checkOidcSettings(env, context);
  if (env.FLEETDECK_AUTH_MODE === 'kubeconfig' && !env.FLEETDECK_USER_KUBECONFIG && !env.KUBECONFIG) {
    context.addIssue({
      code: 'custom',
      path: ['FLEETDECK_USER_KUBECONFIG'],
      message: 'kubeconfig mode needs FLEETDECK_USER_KUBECONFIG or KUBECONFIG',
    });
  }
  const beyondLoopback = !env.FLEETDECK_LISTEN_HOST || !isLoopbackHost(env.FLEETDECK_LISTEN_HOST);
  const listening = env.FLEETDECK_LISTEN_HOST
    ? `listens on ${env.FLEETDECK_LISTEN_HOST}`
    : 'may listen beyond loopback (FLEETDECK_LISTEN_HOST is unset; `npm start -- -H 127.0.0.1` sets it)';
  // One shared identity, or one-click admin users, for whoever can reach the listener.
  if (env.FLEETDECK_AUTH_MODE === 'kubeconfig' && beyondLoopback && !env.FLEETDECK_KUBECONFIG_ALLOW_REMOTE) {
    context.addIssue({
      code: 'custom',
      path: ['FLEETDECK_LISTEN_HOST'],
      message: `kubeconfig mode lends one identity to every caller, and the server ${listening}: listen on 127.0.0.1, or set FLEETDECK_KUBECONFIG_ALLOW_REMOTE=true`,
    });
  }
  if (env.FLEETDECK_DEMO_KUBECONFIGS && !env.FLEETDECK_DEMO) {
    context.addIssue({
      code: 'custom',
      path: ['FLEETDECK_DEMO'],
      message: 'FLEETDECK_DEMO_KUBECONFIGS offers one-click users only on a demo server: set FLEETDECK_DEMO=1 as well',
    });
  }
  if (env.FLEETDECK_DEMO_KUBECONFIGS && env.FLEETDECK_DEMO && beyondLoopback && !env.FLEETDECK_DEMO_ALLOW_REMOTE) {
    context.addIssue({
      code: 'custom',
      path: ['FLEETDECK_LISTEN_HOST'],
      message: `demo users sign anyone in with one click, and the server ${listening}: listen on 127.0.0.1, or set FLEETDECK_DEMO_ALLOW_REMOTE=true`,
    });
  }
});

type Env = z.infer<typeof baseSchema>;

function readablePem(file: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes('-----BEGIN CERTIFICATE-----');
  } catch {
    return false;
  }
}

// What oidc mode cannot run without, each named: the provider, the client, where the provider sends people
// back to, and a key every replica shares (it seals the sessions' tokens).
function checkOidcSettings(env: Env, context: z.RefinementCtx) {
  const required = {
    FLEETDECK_OIDC_ISSUER: "the provider's issuer URL",
    FLEETDECK_OIDC_CLIENT_ID: 'the client id registered at the provider',
    FLEETDECK_ORIGIN: 'the origin browsers use (the redirect URI is <origin>/api/auth/oidc/callback)',
    FLEETDECK_SESSION_SECRET: "a secret every replica shares (it seals the sessions' tokens)",
  } as const;
  for (const [name, what] of Object.entries(required)) {
    if (!env[name as keyof typeof required])
      context.addIssue({ code: 'custom', path: [name], message: `oidc mode needs ${name}: ${what}` });
  }
  if (env.FLEETDECK_OIDC_CA_FILE && !readablePem(env.FLEETDECK_OIDC_CA_FILE)) {
    context.addIssue({
      code: 'custom',
      path: ['FLEETDECK_OIDC_CA_FILE'],
      message: `FLEETDECK_OIDC_CA_FILE ${env.FLEETDECK_OIDC_CA_FILE} is not a readable PEM file of certificates`,
    });
  }
  const issuer = env.FLEETDECK_OIDC_ISSUER ? new URL(env.FLEETDECK_OIDC_ISSUER) : undefined;
  // Tokens cross this connection: plain http only where nothing but this machine can listen in.
  if (issuer && issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname))) {
    context.addIssue({
      code: 'custom',
      path: ['FLEETDECK_OIDC_ISSUER'],
      message: 'FLEETDECK_OIDC_ISSUER must be an https URL (http only on loopback)',
    });
  }
}

export type ServerConfig = z.infer<typeof envSchema> & {
  /** Normalized host[:port] names Fleetdeck answers to; a name without a port matches any port. */
  allowedHosts: Set<string>;
};

/** Parses an environment into the configuration; a bad value throws, naming the variable. */
export function parseServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid Fleetdeck configuration: ${problems.join('; ')}`);
  }
  const allowedHosts = new Set(parsed.data.FLEETDECK_ALLOWED_HOSTS ?? LOOPBACK_HOSTS);
  if (parsed.data.FLEETDECK_ORIGIN) allowedHosts.add(new URL(parsed.data.FLEETDECK_ORIGIN).host);
  return { ...parsed.data, allowedHosts };
}

let cached: ServerConfig | undefined;

/** The server's configuration, parsed once; a bad value fails loudly, naming the variable. */
export function serverConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}
