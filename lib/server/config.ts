import 'server-only';
import { z } from 'zod';

const envSchema = z.object({
  // The server's own identity: a kubeconfig file, or in-cluster config when unset inside a pod.
  KUBECONFIG: z.string().min(1).optional(),
  KUBERNETES_SERVICE_HOST: z.string().optional(),
});

export type ServerConfig = z.infer<typeof envSchema>;

let cached: ServerConfig | undefined;

/** The server's configuration, parsed once; a bad value fails loudly at the first request, naming the variable. */
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
