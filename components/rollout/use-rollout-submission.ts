'use client';

import { useQueryClient, type MutationStatus } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { RolloutErrorDetails, RolloutResult } from '@/lib/api/rollout-views';
import { ApiError, isApiError } from '@/lib/query/api-error';
import { queryKeys } from '@/lib/query/query-keys';
import { rolloutErrorDetails, useSubmitRollout, type SubmitRollout } from '@/lib/query/use-submit-rollout';
import type { RolloutRequest } from '@/lib/schemas/rollout-request';

type Mode = RolloutRequest['mode'];

/** How the last dry run or apply ended, for the draft (requestId and base) it was made with. */
export type SubmissionOutcome =
  | { kind: 'done'; mode: Mode; key: string; result: RolloutResult }
  | { kind: 'error'; mode: Mode; key: string; error: ApiError; details: RolloutErrorDetails };

/** Which draft an outcome belongs to: a new requestId (any edit) or a new base makes it stale. */
export const submissionKey = (request: Pick<RolloutRequest, 'requestId' | 'baseGeneration'>) =>
  `${request.requestId}@${request.baseGeneration}`;

/** The mutation's state as far as an outcome needs it. */
interface SubmissionState {
  status: MutationStatus;
  variables: SubmitRollout | undefined;
  data: RolloutResult | undefined;
  error: unknown;
}

/**
 * The outcome of a settled submission, read from the mutation's state: undefined before the first and while one
 * is in flight. A failure that is not an API error (it never reached the server) reads as a network error.
 */
export function submissionOutcome({ status, variables, data, error }: SubmissionState): SubmissionOutcome | undefined {
  if (!variables) return undefined;
  const { mode } = variables.request;
  const key = submissionKey(variables.request);
  if (status === 'success' && data) return { kind: 'done', mode, key, result: data };
  if (status !== 'error') return undefined;
  const apiError = isApiError(error)
    ? error
    : new ApiError(0, 'network', error instanceof Error ? error.message : 'The request failed.');
  return { kind: 'error', mode, key, error: apiError, details: rolloutErrorDetails(apiError) };
}

/**
 * Sends dry runs and applies, one at a time: a second click while one is in flight does nothing (the server's
 * requestId makes a retry safe as well). An apply that succeeds calls `onApplied`. Pending mode and outcome are
 * the mutation's own state; `clear` resets it.
 */
export function useRolloutSubmission(namespace: string, name: string, onApplied: (result: RolloutResult) => void) {
  const queryClient = useQueryClient();
  const mutation = useSubmitRollout(namespace, name);
  const { mutate, reset, status, variables, data, error } = mutation;

  const submit = useCallback(
    (request: RolloutRequest, csrfToken: string) => {
      // The mutation cache knows at once that one is in flight; this component only learns it on its next render.
      if (queryClient.isMutating({ mutationKey: queryKeys.rolloutSubmission(namespace, name) }) > 0) return;
      mutate(
        { request, csrfToken },
        {
          onSuccess: (result) => {
            if (request.mode === 'apply') onApplied(result);
          },
        },
      );
    },
    [queryClient, namespace, name, mutate, onApplied],
  );

  const outcome = useMemo(
    () => submissionOutcome({ status, variables, data, error }),
    [status, variables, data, error],
  );
  return { submit, pendingMode: mutation.isPending ? variables?.request.mode : undefined, outcome, clear: reset };
}
