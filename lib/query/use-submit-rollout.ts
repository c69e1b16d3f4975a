import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rolloutErrorDetailsSchema, rolloutResultSchema, type RolloutErrorDetails } from '@/lib/api/rollout-views';
import type { RolloutRequest } from '@/lib/schemas/rollout-request';
import { apiFetch } from './api-fetch';
import { isApiError } from './api-error';
import { queryKeys } from './query-keys';
import { rolloutPath } from './use-rollout-context';

export interface SubmitRollout {
  request: RolloutRequest;
  csrfToken: string;
}

/** POST .../rollout: a dry run or an apply, as the caller. */
export const submitRollout = (namespace: string, name: string, { request, csrfToken }: SubmitRollout) =>
  apiFetch(rolloutPath(namespace, name), rolloutResultSchema, { method: 'POST', body: request, csrfToken });

/**
 * The details a failed rollout POST sends in the envelope: the endpoint and config as they are now (409 after a
 * spec change) or the config that was created before pointing the endpoint at it failed. Empty for any other
 * error, or details of another shape.
 */
export function rolloutErrorDetails(error: unknown): RolloutErrorDetails {
  if (!isApiError(error) || error.details === undefined) return {};
  const parsed = rolloutErrorDetailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data : {};
}

/**
 * Dry-runs or applies a rollout. Never retried here (a retry is the person's choice, with the same requestId);
 * after an apply, or any answer that may mean something was written, the endpoint's queries are refetched.
 */
export function useSubmitRollout(namespace: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: queryKeys.rolloutSubmission(namespace, name),
    mutationFn: (submission: SubmitRollout) => submitRollout(namespace, name, submission),
    onSettled: (_data, _error, submission) => {
      if (submission.request.mode === 'apply')
        void queryClient.invalidateQueries({ queryKey: queryKeys.endpoint(namespace, name) });
    },
  });
}
