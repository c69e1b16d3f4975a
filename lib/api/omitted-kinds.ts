import { z } from 'zod';

/** The kinds a view is made of besides the Endpoint itself; each is authorized on its own. */
export const omittableKinds = ['EndpointConfig', 'Model', 'Event'] as const;
export type OmittableKind = (typeof omittableKinds)[number];

/** A kind the server left out of a view because the caller may not read it there, and why, in words. */
export const omittedKindSchema = z.object({ kind: z.enum(omittableKinds), reason: z.string() });
export type OmittedKind = z.infer<typeof omittedKindSchema>;

/** The field views carry when something was left out; absent when nothing was. */
export const omittedSchema = z.array(omittedKindSchema);

/** What a view shows in place of a value that comes from a kind the caller may not read. */
export const notVisibleToYou = 'not visible to you';
