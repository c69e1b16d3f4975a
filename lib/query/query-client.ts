import { QueryClient, isServer } from '@tanstack/react-query';
import { isApiError } from './api-error';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The stream keeps data current; a refetch on focus would only add load.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // Never retry what will not change (401/403/404/409/422); a few retries for network and 5xx.
        retry: (failureCount, error) => !(isApiError(error) && error.isFinal) && failureCount < 3,
      },
      mutations: { retry: false },
    },
  });
}

let browserClient: QueryClient | undefined;

/** A new client per server render, one for the life of the browser tab. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
