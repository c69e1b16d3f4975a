import { z } from 'zod';

/** The parts of Kubernetes ObjectMeta the product reads. Loose: everything else is kept as it came. */
export const objectMetaSchema = z.looseObject({
  name: z.string(),
  namespace: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: z.int().optional(),
  // Null only in objects serialised by Go from a zero ObjectMeta (the controller's test fixtures).
  creationTimestamp: z.string().nullable().optional(),
  deletionTimestamp: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  finalizers: z.array(z.string()).optional(),
});
export type ObjectMeta = z.infer<typeof objectMetaSchema>;
