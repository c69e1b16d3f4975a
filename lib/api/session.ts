import { z } from 'zod';

/** DELETE /api/session: signed out here, and where to end the identity provider's session too (oidc mode). */
export const signedOutSchema = z.object({
  signedOut: z.literal(true),
  providerSignOutUrl: z.url().optional(),
});
export type SignedOut = z.infer<typeof signedOutSchema>;
