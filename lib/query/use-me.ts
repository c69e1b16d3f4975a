import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from './api-fetch';
import { queryKeys } from './query-keys';

const rightsSchema = z.object({
  namespace: z.string(),
  list: z.boolean(),
  rollOut: z.boolean(),
  createModels: z.boolean(),
});

/** GET /api/me: who the caller is, their CSRF token, and per-namespace rights (hints; the API server decides). */
export const meSchema = z.object({
  user: z.string(),
  groups: z.array(z.string()),
  mode: z.string(),
  csrfToken: z.string(),
  sharedIdentity: z.string().nullable(),
  allNamespaces: z.object({ list: z.boolean(), rollOut: z.boolean() }),
  namespaces: z.array(rightsSchema),
  /** The session's idle timeout in seconds; null where there are no sessions (proxy and kubeconfig modes). */
  sessionIdleSeconds: z.number().int().positive().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const meQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => apiFetch('/api/me', meSchema, { signal }),
    staleTime: 5 * 60_000,
  });

export const useMe = () => useQuery(meQueryOptions());

/** Whether the caller may roll out in a namespace, as far as the access review hints tell. */
export function mayRollOut(me: Me | undefined, namespace: string): boolean {
  if (!me) return false;
  if (me.allNamespaces.rollOut) return true;
  return me.namespaces.some((rights) => rights.namespace === namespace && rights.rollOut);
}
