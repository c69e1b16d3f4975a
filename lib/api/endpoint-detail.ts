import { z } from 'zod';
import { endpointSchema } from '@/lib/schemas/endpoint';
import { endpointConfigSchema } from '@/lib/schemas/endpoint-config';
import { modelSchema } from '@/lib/schemas/model';
import { endpointSummarySchema } from './endpoint-summary';
import { omittedSchema } from './omitted-kinds';

/** A Kubernetes Event about the endpoint, its config or its models, as the detail page shows it. */
export const kubeEventSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string(), uid: z.string().optional(), creationTimestamp: z.string().optional() }),
  involvedObject: z.looseObject({ kind: z.string().optional(), name: z.string().optional() }).optional(),
  type: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  count: z.number().optional(),
  lastTimestamp: z.string().nullable().optional(),
  eventTime: z.string().nullable().optional(),
});
export type KubeEvent = z.infer<typeof kubeEventSchema>;

/** GET /api/endpoints/{namespace}/{name}: one endpoint with what it is made of and what happened to it. */
export const endpointDetailSchema = z.object({
  summary: endpointSummarySchema,
  endpoint: endpointSchema,
  config: endpointConfigSchema.nullable(),
  pendingConfig: endpointConfigSchema.nullable(),
  models: z.array(modelSchema),
  configsUsed: z.array(z.string()),
  events: z.array(kubeEventSchema),
  /** Kinds the caller may not read in the namespace: config, models or events were left out, not missing. */
  omitted: omittedSchema.optional(),
});
export type EndpointDetail = z.infer<typeof endpointDetailSchema>;
