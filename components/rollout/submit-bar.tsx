'use client';

import { Button } from '@/components/ui/button';
import type { FieldError } from '@/lib/api/error-envelope';
import { ErrorSummary } from './error-summary';
import type { SubmissionOutcome } from './use-rollout-submission';
import { Callout } from '@/components/ui/callout';

interface SubmitBarProps {
  namespace: string;
  name: string;
  /** The id of the visible text that says why nothing can be submitted now; buttons are disabled and point at it. */
  disabledReasonId?: string;
  pendingMode?: 'dry-run' | 'apply';
  /** The outcome of the last submission of this very draft, if any. */
  outcome?: SubmissionOutcome;
  /** Errors to list because a submission was tried with them. */
  summaryErrors: FieldError[];
  /** The label of the field at a path, to name it in the summary. */
  labelOf: (path: string) => string | undefined;
  onSubmit: (mode: 'dry-run' | 'apply') => void;
  onNewRequest: () => void;
}

function ErrorText({
  outcome,
  namespace,
  name,
}: {
  outcome: Extract<SubmissionOutcome, { kind: 'error' }>;
  namespace: string;
  name: string;
}) {
  const { error } = outcome;
  if (error.httpStatus === 404) {
    return (
      <>
        The endpoint {namespace}/{name} no longer exists: it was deleted after this form loaded. Nothing was written,
        and your draft is kept in this tab.
      </>
    );
  }
  if (outcome.details.current)
    return <>The endpoint changed since this draft was made; see the comparison above. Nothing was lost.</>;
  if (error.httpStatus === 403)
    return (
      <>
        You may not do this in namespace {namespace}: {error.message}
      </>
    );
  if (error.httpStatus === 422 && error.fields.length > 0)
    return <>The API server found problems in the draft; they are listed below and at their fields. {error.message}</>;
  return <>{error.message}</>;
}

/** Dry run and Apply, what came of the last one, and the problems that stop them. */
export function SubmitBar({
  namespace,
  name,
  disabledReasonId,
  pendingMode,
  outcome,
  summaryErrors,
  labelOf,
  onSubmit,
  onNewRequest,
}: SubmitBarProps) {
  const disabled = disabledReasonId !== undefined || pendingMode !== undefined;
  const describedBy = disabledReasonId;
  const failed = outcome?.kind === 'error' ? outcome : undefined;
  const createdConfigName = failed?.mode === 'apply' ? failed.details.createdConfigName : undefined;
  return (
    <div className="space-y-3">
      <ErrorSummary
        errors={summaryErrors}
        labelOf={labelOf}
        title={`Fix ${summaryErrors.length === 1 ? 'this problem' : `these ${summaryErrors.length} problems`} before a dry run or an apply:`}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button disabled={disabled} aria-describedby={describedBy} onClick={() => onSubmit('dry-run')}>
          Dry run
        </Button>
        <Button variant="primary" disabled={disabled} aria-describedby={describedBy} onClick={() => onSubmit('apply')}>
          Apply
        </Button>
        <span role="status" className="text-sm">
          {pendingMode === 'dry-run'
            ? 'Dry run in progress…'
            : pendingMode === 'apply'
              ? 'Applying: waiting for SageMaker to accept the new config before pointing the endpoint at it…'
              : ''}
        </span>
      </div>
      {outcome?.mode === 'dry-run' && (
        <Callout
          tone={outcome.kind === 'done' ? 'success' : 'error'}
          size="sm"
          data-testid="dry-run-result"
          data-outcome={outcome.kind === 'done' ? 'ok' : 'error'}
          role={outcome.kind === 'done' ? 'status' : 'alert'}
        >
          {outcome.kind === 'done' ? (
            <>
              <p className="font-medium">The API server accepted both writes; nothing was created.</p>
              {outcome.result.outcome === 'dry-run' && (
                <p>
                  Apply creates EndpointConfig <span className="font-mono">{outcome.result.configName}</span>
                  {outcome.result.configExists
                    ? ' (it exists already, from an earlier attempt of this submission, and will be used)'
                    : ''}{' '}
                  and points the endpoint at it.
                </p>
              )}
            </>
          ) : (
            <>
              <p>
                <span className="font-medium">The dry run was refused.</span>{' '}
                <ErrorText outcome={outcome} namespace={namespace} name={name} />
              </p>
              {outcome.error.httpStatus === 409 && !outcome.details.current && (
                <Button className="mt-2" disabled={disabled} aria-describedby={describedBy} onClick={onNewRequest}>
                  Submit as a new request
                </Button>
              )}
            </>
          )}
        </Callout>
      )}
      {outcome?.kind === 'done' && outcome.mode === 'apply' && (
        <Callout as="p" tone="success" size="sm" data-testid="apply-result" data-outcome="ok" role="status">
          Applied: the endpoint now points at EndpointConfig{' '}
          <span className="font-mono">{outcome.result.configName}</span>. Opening its page to follow the rollout…
        </Callout>
      )}
      {failed?.mode === 'apply' && (
        <Callout
          tone="error"
          size="sm"
          data-testid="apply-result"
          data-outcome="error"
          role="alert"
          className="space-y-2"
        >
          <p>
            <span className="font-medium">The apply did not go through.</span>{' '}
            <ErrorText outcome={failed} namespace={namespace} name={name} />
          </p>
          {createdConfigName && (
            <p data-testid="created-config">
              EndpointConfig <span className="font-mono">{createdConfigName}</span> was created, but the endpoint does
              not use it yet. Retrying the same submission uses that config instead of creating another.
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            {createdConfigName && (
              <Button
                variant="primary"
                disabled={disabled}
                aria-describedby={describedBy}
                onClick={() => onSubmit('apply')}
              >
                Retry apply
              </Button>
            )}
            {failed.error.httpStatus === 409 && !failed.details.current && (
              <Button disabled={disabled} aria-describedby={describedBy} onClick={onNewRequest}>
                Submit as a new request
              </Button>
            )}
          </div>
        </Callout>
      )}
    </div>
  );
}
