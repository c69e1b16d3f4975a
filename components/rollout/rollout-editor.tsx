'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { controlClasses, Field } from '@/components/ui/field';
import { endpointHref } from '@/components/ui/endpoint-link';
import type { RolloutFormContext } from '@/lib/api/rollout-views';
import { draftPaths } from '@/lib/rollout/draft-paths';
import type { EndpointConfigSpec } from '@/lib/schemas/endpoint-config';
import { queryKeys } from '@/lib/query/query-keys';
import type { Me } from '@/lib/query/use-me';
import { AlarmsEditor } from './alarms-editor';
import { ConflictPanel, type LiveNow } from './conflict-panel';
import { DiffView } from './diff-view';
import { fieldLabelOf } from './field-labels';
import { fieldId, formMessages } from './field-messages';
import { HistoryList } from './history-list';
import { modelsFromOptions } from './model-stubs';
import { PlanView } from './plan-view';
import { PolicyEditor } from './policy-editor';
import { rolloutPreview } from './preview';
import { rolloutPermission } from './rollout-permission';
import { TitledSection } from '@/components/ui/titled-section';
import { SharePresetLink } from './share-preset-link';
import { StartFrom } from './start-from';
import { SubmitBar } from './submit-bar';
import { useRolloutDraft } from './use-rollout-draft';
import { submissionKey, useRolloutSubmission } from './use-rollout-submission';
import { VariantsEditor } from './variants-editor';
import { WarningsList } from './warnings-list';

interface RolloutEditorProps {
  namespace: string;
  name: string;
  data: RolloutFormContext;
  me: { data?: Me; isPending: boolean };
  /** The endpoint was deleted after the form loaded (the context now answers 404). */
  deleted: boolean;
  search: URLSearchParams;
}

const GATE_REASON_ID = 'rollout-gate-reason';

/**
 * The rollout form of one endpoint: the draft's fields, checked as they are typed with the API's own rules,
 * its warnings, plan and diff, Dry run and Apply, the conflict view when the endpoint moved on, and the history.
 */
export function RolloutEditor({ namespace, name, data, me, deleted, search }: RolloutEditorProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const draft = useRolloutDraft(namespace, name, data, search);
  const models = useMemo(() => modelsFromOptions(data.models), [data.models]);
  const preview = useMemo(
    () => rolloutPreview(draft.form, data, data.context, models, draft.requestId),
    [draft.form, data, models, draft.requestId],
  );
  const { forget } = draft;
  const onApplied = useCallback(() => {
    forget();
    router.push(endpointHref(namespace, name));
  }, [forget, router, namespace, name]);
  const submission = useRolloutSubmission(namespace, name, onApplied);
  const [attempted, setAttempted] = useState(false);
  const [loaded, setLoaded] = useState<string | undefined>(undefined);

  const key = submissionKey({ requestId: draft.requestId, baseGeneration: draft.base.generation });
  const outcome = submission.outcome?.key === key ? submission.outcome : undefined;
  const serverErrors = outcome?.kind === 'error' && outcome.error.httpStatus === 422 ? outcome.error.fields : [];
  // The gate's own error (at `draft`) is the reason shown at the top, not a problem of the draft.
  const messages = formMessages(
    preview.checked.errors.filter((error) => error.path !== draftPaths.root),
    serverErrors,
    preview.warnings,
  );
  const permission = rolloutPermission(namespace, data, me, deleted);

  const liveGeneration = data.endpoint.metadata.generation ?? 0;
  const conflict: { message: string; current: LiveNow } | undefined =
    outcome?.kind === 'error' && outcome.details.current
      ? { message: outcome.error.message, current: outcome.details.current }
      : // A deletion bumps the generation too (deletionTimestamp); there is nothing to re-base on then.
        draft.edited && liveGeneration > draft.base.generation && !deleted && !data.endpoint.metadata.deletionTimestamp
        ? {
            message: `The endpoint's spec changed since this draft was started (generation ${draft.base.generation}, now ${liveGeneration}).`,
            current: { endpoint: data.endpoint, liveConfig: data.liveConfig },
          }
        : undefined;
  const knownConfigs = [data.liveConfig, conflict?.current.liveConfig].filter((config) => config != null);
  const configSpecOf = (configName: string) =>
    knownConfigs.find((config) => config.spec.endpointConfigName === configName)?.spec ??
    data.history.find((entry) => entry.configName === configName)?.configSpec;

  const onSubmit = (mode: 'dry-run' | 'apply') => {
    const errors = messages.errors.filter((error) => !serverErrors.includes(error));
    if (permission.reason || !me.data) return;
    if (errors.length > 0 || !preview.checked.parsed) {
      setAttempted(true);
      // The summary exists after the next paint; from there each problem links to its field.
      requestAnimationFrame(() => document.getElementById('rollout-error-summary')?.focus());
      return;
    }
    setAttempted(false);
    const request = {
      mode,
      baseGeneration: draft.base.generation,
      baseResourceVersion: draft.base.resourceVersion,
      requestId: draft.requestId,
      draft: preview.checked.parsed,
    };
    submission.submit(request, me.data.csrfToken);
  };
  const rebase = (current: LiveNow) => {
    draft.rebase(current);
    submission.clear();
    void queryClient.invalidateQueries({ queryKey: queryKeys.rolloutContext(namespace, name) });
  };
  const rollBack = (config: EndpointConfigSpec) => {
    draft.loadConfig(config);
    setLoaded(config.endpointConfigName);
    document.getElementById('rollout-variants-title')?.scrollIntoView({ block: 'start' });
  };

  return (
    <div className="space-y-4">
      {permission.reason && (
        <p
          id={GATE_REASON_ID}
          data-testid="gate-reason"
          className="rounded border border-slate-300 bg-slate-50 p-3 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        >
          {permission.reason}
        </p>
      )}
      {conflict && (
        <ConflictPanel
          message={conflict.message}
          base={draft.base}
          current={conflict.current}
          draft={preview.checked.parsed ?? preview.checked.draft}
          knownConfigs={knownConfigs}
          configName={preview.configName}
          onRebase={() => rebase(conflict.current)}
        />
      )}
      <form
        data-testid="rollout-form"
        aria-label={`Rollout of ${namespace}/${name}`}
        noValidate
        onSubmit={(event) => event.preventDefault()}
        className="space-y-4"
      >
        <fieldset
          disabled={!permission.editable}
          aria-describedby={permission.editable ? undefined : GATE_REASON_ID}
          className="min-w-0 space-y-4"
        >
          <legend className="sr-only">The new config and how it is rolled out</legend>
          <TitledSection id="rollout-start-title" title="Starting point">
            <StartFrom draft={draft} />
          </TitledSection>
          <TitledSection id="rollout-variants-title" title="Variants of the new config">
            {loaded && (
              <p role="status" className="mb-3 text-sm">
                Loaded the variants of {loaded} into the draft; review the plan and the diff below.
              </p>
            )}
            <VariantsEditor form={draft.form} models={data.models} messages={messages} update={draft.update} />
          </TitledSection>
          <TitledSection id="rollout-policy-title" title="Rollout policy">
            <PolicyEditor form={draft.form} messages={messages} update={draft.update} />
          </TitledSection>
          <TitledSection id="rollout-alarms-title" title="Automatic rollback alarms">
            <AlarmsEditor form={draft.form} messages={messages} update={draft.update} />
          </TitledSection>
          <TitledSection id="rollout-reason-title" title="Why this rollout">
            <Field
              id={fieldId(draftPaths.reason)}
              label="Reason"
              error={messages.errorAt(draftPaths.reason)}
              hint="A ticket or a sentence; it is recorded with the new config and shown in the history."
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  className={`${controlClasses} max-w-3xl`}
                  value={draft.form.reason}
                  onChange={(event) => draft.update((form) => ({ ...form, reason: event.target.value }))}
                />
              )}
            </Field>
          </TitledSection>
        </fieldset>
        <SharePresetLink form={draft.form} />
        <TitledSection id="rollout-warnings-title" title="Warnings" testId="rollout-warnings">
          <WarningsList warnings={preview.warnings} />
        </TitledSection>
        <TitledSection id="rollout-plan-title" title="Plan" testId="rollout-plan">
          <PlanView plan={preview.plan} hasPolicy={preview.checked.draft.deploymentConfig !== undefined} />
        </TitledSection>
        <TitledSection id="rollout-diff-title" title="Changes" testId="rollout-diff">
          <DiffView
            diff={preview.diff}
            configName={preview.configName}
            liveConfigName={data.liveConfig?.spec.endpointConfigName ?? data.context.liveConfigName}
          />
        </TitledSection>
        <SubmitBar
          namespace={namespace}
          name={name}
          disabledReasonId={permission.reason ? GATE_REASON_ID : undefined}
          pendingMode={submission.pendingMode}
          outcome={outcome}
          summaryErrors={attempted || serverErrors.length > 0 ? messages.errors : []}
          labelOf={(path) => fieldLabelOf(path, draft.form)}
          onSubmit={onSubmit}
          onNewRequest={draft.newRequest}
        />
      </form>
      <TitledSection id="rollout-history-title" title="History" testId="rollout-history">
        <HistoryList
          entries={data.history}
          configSpecOf={configSpecOf}
          disabled={permission.editable ? undefined : { reasonId: GATE_REASON_ID }}
          onRollBack={rollBack}
        />
      </TitledSection>
    </div>
  );
}
