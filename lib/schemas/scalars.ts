import { z } from 'zod';

/** An integer field (int64 in the CRDs). */
export const int64 = () => z.int();

/**
 * An RFC 3339 timestamp as the API server serialises it. Kept as a string, not validated: the API server
 * already checks `format: date-time`, and a reader must never fail on a timestamp.
 */
export const timestamp = () => z.string().meta({ format: 'date-time' });

/** A `{key, value}` AWS tag, as every SageMaker kind carries them in `spec.tags`. */
export const tagSchema = z.looseObject({
  key: z.string().optional(),
  value: z.string().optional(),
});
export type Tag = z.infer<typeof tagSchema>;
