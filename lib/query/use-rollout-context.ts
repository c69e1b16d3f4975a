import { queryOptions, useQuery } from '@tanstack/react-query';
import { rolloutFormContextSchema } from '@/lib/api/rollout-views';
import { apiFetch } from './api-fetch';
import { queryKeys } from './query-keys';
import { endpointPath } from './use-endpoint-detail';

/** GET and POST /api/endpoints/{namespace}/{name}/rollout. */
export const rolloutPath = (namespace: string, name: string) => `${endpointPath(namespace, name)}/rollout`;

/** What the rollout form starts from; the stream's changes to the endpoint invalidate it (queryKeys.endpoint prefix). */
export const rolloutContextQueryOptions = (namespace: string, name: string) =>
  queryOptions({
    queryKey: queryKeys.rolloutContext(namespace, name),
    queryFn: ({ signal }) => apiFetch(rolloutPath(namespace, name), rolloutFormContextSchema, { signal }),
  });

export const useRolloutContext = (namespace: string, name: string) =>
  useQuery(rolloutContextQueryOptions(namespace, name));
