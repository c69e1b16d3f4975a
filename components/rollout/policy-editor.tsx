'use client';

import { controlClasses, Field } from '@/components/ui/field';
import type { PolicyForm, PolicyKind, RolloutForm } from '@/lib/rollout/draft-from-form';
import { draftPaths } from '@/lib/rollout/draft-paths';
import { withPolicyKind } from '@/lib/rollout/draft-from-preset';
import { presetIds, presets } from '@/lib/rollout/presets';
import { policyHints } from './field-hints';
import { policyLabels } from './field-labels';
import { fieldId, type FormMessages } from './field-messages';
import { SecondsField } from './seconds-field';
import { SectionMessages } from './section-messages';
import { SizeField } from './size-field';

interface PolicyEditorProps {
  form: RolloutForm;
  messages: FormMessages;
  update: (change: (form: RolloutForm) => RolloutForm) => void;
}

const kindNames: Record<PolicyKind, string> = {
  none: 'No deployment policy (all at once, no bake, no alarm watch)',
  ...Object.fromEntries(presetIds.map((id) => [id, presets[id].name])),
} as Record<PolicyKind, string>;

type SizeKey = 'canarySize' | 'linearStepSize' | 'batchSize' | 'rollbackBatchSize';

/** The sizes each kind asks for; the form, paths, labels and hints share the key. */
const sizeFields: Record<PolicyKind, { key: SizeKey; unitLabel: string }[]> = {
  none: [],
  'all-at-once': [],
  canary: [{ key: 'canarySize', unitLabel: 'Canary unit' }],
  linear: [{ key: 'linearStepSize', unitLabel: 'Linear step unit' }],
  rolling: [
    { key: 'batchSize', unitLabel: 'Batch unit' },
    { key: 'rollbackBatchSize', unitLabel: 'Unit for rolling back' },
  ],
};

/** The deployment policy: blue/green (all at once, canary, linear) or rolling, with their sizes and waits. */
export function PolicyEditor({ form, messages, update }: PolicyEditorProps) {
  const { policy } = form;
  const set = (patch: Partial<PolicyForm>) =>
    update((current) => ({ ...current, policy: { ...current.policy, ...patch } }));
  const kindId = fieldId(`${draftPaths.deploymentConfig}.kind`);
  const blueGreen = policy.kind === 'all-at-once' || policy.kind === 'canary' || policy.kind === 'linear';
  return (
    <div className="space-y-3">
      <Field
        id={kindId}
        label={policyLabels.kind}
        hint={
          policy.kind === 'none'
            ? 'SageMaker replaces the fleet at once, with no bake and no alarm watch: nothing rolls it back automatically.'
            : presets[policy.kind].description
        }
      >
        {(control) => (
          <select
            {...control}
            className={`${controlClasses} max-w-xl`}
            value={policy.kind}
            onChange={(event) =>
              update((current) => ({
                ...current,
                policy: withPolicyKind(current.policy, event.target.value as PolicyKind),
              }))
            }
          >
            {(['none', ...presetIds] as const).map((kind) => (
              <option key={kind} value={kind}>
                {kindNames[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {[draftPaths.deploymentConfig, draftPaths.blueGreen, draftPaths.rolling].map((path) => (
        <SectionMessages key={path} id={fieldId(path)} error={messages.errorAt(path)} />
      ))}
      {policy.kind !== 'none' && (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {sizeFields[policy.kind].map(({ key, unitLabel }) => (
            <SizeField
              key={key}
              paths={draftPaths[key]}
              label={policyLabels[key]}
              unitLabel={unitLabel}
              size={policy[key]}
              hint={policyHints[key]}
              messages={messages}
              onChange={(size) => set({ [key]: size })}
            />
          ))}
          <SecondsField
            path={draftPaths.waitSeconds(policy.kind)}
            label={policyLabels.waitSeconds}
            value={policy.waitSeconds}
            hint={policyHints.waitSeconds(policy.kind)}
            messages={messages}
            onChange={(waitSeconds) => set({ waitSeconds })}
          />
          {blueGreen && (
            <SecondsField
              path={draftPaths.terminationWaitSeconds}
              label={policyLabels.terminationWaitSeconds}
              value={policy.terminationWaitSeconds}
              hint={policyHints.terminationWaitSeconds}
              messages={messages}
              onChange={(terminationWaitSeconds) => set({ terminationWaitSeconds })}
            />
          )}
          <SecondsField
            path={draftPaths.timeoutSeconds(policy.kind)}
            label={policyLabels.timeoutSeconds}
            value={policy.timeoutSeconds}
            hint={policyHints.timeoutSeconds(policy.kind)}
            messages={messages}
            onChange={(timeoutSeconds) => set({ timeoutSeconds })}
          />
        </div>
      )}
    </div>
  );
}
