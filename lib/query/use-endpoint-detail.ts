import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpointDetailSchema } from '@/lib/api/endpoint-detail';
import { apiFetch } from './api-fetch';
import { queryKeys } from './query-keys';

export const endpointPath = (namespace: string, name: string) =>
  `/api/endpoints/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;

export const endpointDetailQueryOptions = (namespace: string, name: string) =>
  queryOptions({
    queryKey: queryKeys.endpointDetail(namespace, name),
    queryFn: ({ signal }) => apiFetch(endpointPath(namespace, name), endpointDetailSchema, { signal }),
  });

export const useEndpointDetail = (namespace: string, name: string) =>
  useQuery(endpointDetailQueryOptions(namespace, name));
