import 'server-only';
import { z } from 'zod';

const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');

const envSchema = z
  .object({
    // The server's own identity: a kubeconfig file, or in-cluster config when unset inside a pod.
    KUBECONFIG: z.string().min(1).optional(),
    KUBERNETES_SERVICE_HOST: z.string().optional(),
    /** How callers are identified: a pasted bearer token, an authenticating proxy, or one local kubeconfig. */
    FLEETDECK_AUTH_MODE: z.enum(['token', 'proxy', 'kubeconfig']).default('token'),
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
      .transform((value) => value.split(',').map((group) => group.trim()).filter(Boolean))
      .pipe(z.array(z.string().startsWith('system:', 'FLEETDECK_PROXY_ALLOWED_SYSTEM_GROUPS names system: groups only'))),
    /** kubeconfig mode: whose identity everyone acts with, and whether non-loopback hosts may use it. */
    FLEETDECK_USER_KUBECONFIG: z.string().min(1).optional(),
    FLEETDECK_KUBECONFIG_ALLOW_REMOTE: flag,
    /** Demo only: a directory of kubeconfigs the sign-in page offers as one-click users. */
    FLEETDECK_DEMO_KUBECONFIGS: z.string().min(1).optional(),
    FLEETDECK_MAX_STREAMS_PER_IDENTITY: z.coerce.number().int().positive().default(8),
    /** How often an open stream re-checks the caller's rights, with fresh access reviews. */
    FLEETDECK_STREAM_RENEW_SECONDS: z.coerce.number().positive().default(60),
    /** Unread bytes a stream may hold for a client that stopped reading before it is closed. */
    FLEETDECK_STREAM_BUFFER_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  })
  .superRefine((env, context) => {
    if (env.FLEETDECK_AUTH_MODE === 'proxy' && !env.FLEETDECK_PROXY_SECRET) {
      context.addIssue({ code: 'custom', path: ['FLEETDECK_PROXY_SECRET'], message: 'proxy mode needs FLEETDECK_PROXY_SECRET' });
    }
    if (env.FLEETDECK_AUTH_MODE === 'kubeconfig' && !env.FLEETDECK_USER_KUBECONFIG && !env.KUBECONFIG) {
      context.addIssue({ code: 'custom', path: ['FLEETDECK_USER_KUBECONFIG'], message: 'kubeconfig mode needs FLEETDECK_USER_KUBECONFIG or KUBECONFIG' });
    }
  });

export type ServerConfig = z.infer<typeof envSchema>;

let cached: ServerConfig | undefined;

/** The server's configuration, parsed once; a bad value fails loudly, naming the variable. */
export function serverConfig(): ServerConfig {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new Error(`invalid Fleetdeck configuration: ${problems.join('; ')}`);
    }
    cached = parsed.data;
  }
  return cached;
}
