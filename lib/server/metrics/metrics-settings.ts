import 'server-only';
import { z } from 'zod';

const settingsSchema = z.object({
  /** When set, GET /metrics needs `Authorization: Bearer <this>`; long enough not to be guessed. */
  FLEETDECK_METRICS_TOKEN: z.string().min(16, 'FLEETDECK_METRICS_TOKEN must be at least 16 characters').optional(),
  /** Adds one series per Endpoint (fleetdeck_endpoint_info): cardinality grows with the fleet. */
  FLEETDECK_METRICS_PER_ENDPOINT: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
});

export type MetricsSettings = z.infer<typeof settingsSchema>;

/** Parses the metrics settings; a bad value throws, naming the variable. */
export function parseMetricsSettings(env: Record<string, string | undefined>): MetricsSettings {
  const parsed = settingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`invalid Fleetdeck configuration: ${problems.join('; ')}`);
}

let cached: MetricsSettings | undefined;

/** The metrics settings, parsed once from the environment. */
export function metricsSettings(): MetricsSettings {
  cached ??= parseMetricsSettings(process.env);
  return cached;
}
