'use client';

import { useCallback, useRef, useState } from 'react';
import type { RolloutErrorEnvelope, RolloutResult } from '@/lib/api/rollout-views';
import { ApiError, isApiError } from '@/lib/query/api-error';
import { rolloutErrorExtra, useSubmitRollout } from '@/lib/query/use-submit-rollout';
import type { RolloutRequest } from '@/lib/schemas/rollout-request';

type Mode = RolloutRequest['mode'];

/** How the last dry run or apply ended, for the draft (requestId and base) it was made with. */
export type SubmissionOutcome =
  | { kind: 'done'; mode: Mode; key: string; result: RolloutResult }
  | { kind: 'error'; mode: Mode; key: string; error: ApiError; extra: Pick<RolloutErrorEnvelope['error'], 'current' | 'createdConfigName'> };

/** Which draft an outcome belongs to: a new requestId (any edit) or a new base makes it stale. */
export const submissionKey = (request: Pick<RolloutRequest, 'requestId' | 'baseGeneration'>) => `${request.requestId}@${request.baseGeneration}`;

/**
 * Sends dry runs and applies, one at a time: a second click while one is in flight does nothing (the server's
 * requestId makes a retry safe as well). An apply that succeeds calls `onApplied`.
 */
export function useRolloutSubmission(namespace: string, name: string, onApplied: (result: RolloutResult) => void) {
  const { mutateAsync } = useSubmitRollout(namespace, name);
  const inFlight = useRef(false);
  const [pendingMode, setPendingMode] = useState<Mode | undefined>(undefined);
  const [outcome, setOutcome] = useState<SubmissionOutcome | undefined>(undefined);

  const submit = useCallback(
    async (request: RolloutRequest, csrfToken: string) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setPendingMode(request.mode);
      const key = submissionKey(request);
      try {
        const result = await mutateAsync({ request, csrfToken });
        setOutcome({ kind: 'done', mode: request.mode, key, result });
        if (request.mode === 'apply') onApplied(result);
      } catch (caught) {
        const error = isApiError(caught) ? caught : new ApiError(0, 'network', caught instanceof Error ? caught.message : 'The request failed.');
        setOutcome({ kind: 'error', mode: request.mode, key, error, extra: rolloutErrorExtra(error) });
      } finally {
        inFlight.current = false;
        setPendingMode(undefined);
      }
    },
    [mutateAsync, onApplied],
  );

  return { submit, pendingMode, outcome, clear: useCallback(() => setOutcome(undefined), []) };
}
