'use client';

import { Button } from '@/components/ui/button';
import type { ModelOption } from '@/lib/api/rollout-views';
import type { RolloutForm, VariantForm } from '@/lib/rollout/draft-from-form';
import { draftPaths } from '@/lib/rollout/draft-paths';
import { fieldId, type FormMessages } from './field-messages';
import { SectionMessages } from './section-messages';
import { variantLabel } from './field-labels';
import { VariantFields } from './variant-fields';

interface VariantsEditorProps {
  form: RolloutForm;
  models: ModelOption[];
  messages: FormMessages;
  update: (change: (form: RolloutForm) => RolloutForm) => void;
}

const newVariant = (models: ModelOption[]): VariantForm => ({
  variantName: '',
  added: true,
  modelName: models[0]?.modelName ?? '',
  serverless: false,
  instanceType: '',
  initialInstanceCount: '1',
  initialVariantWeight: '1',
  memorySizeInMB: '',
  maxConcurrency: '',
  provisionedConcurrency: '',
});

/**
 * The variants of the new config. Variants the endpoint runs keep their names (a new name would be a new
 * variant); new ones can be named and removed. With a deployment policy SageMaker wants the same variants.
 */
export function VariantsEditor({ form, models, messages, update }: VariantsEditorProps) {
  const change = (index: number, patch: Partial<VariantForm>) =>
    update((current) => ({
      ...current,
      variants: current.variants.map((variant, at) => (at === index ? { ...variant, ...patch } : variant)),
    }));
  const remove = (index: number) =>
    update((current) => ({ ...current, variants: current.variants.filter((_, at) => at !== index) }));
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Based on EndpointConfig <span className="font-mono">{form.baseConfigName}</span>: its other settings (data
        capture, encryption, network, per-variant extras) are kept.
      </p>
      <SectionMessages
        id={fieldId(draftPaths.variants)}
        error={messages.errorAt(draftPaths.variants)}
        warning={messages.warningAt(draftPaths.variants)}
      />
      <SectionMessages id={fieldId(draftPaths.baseConfigName)} error={messages.errorAt(draftPaths.baseConfigName)} />
      <ol className="space-y-3">
        {form.variants.map((variant, index) => (
          <li
            key={index}
            data-testid="variant-editor"
            data-variant={variant.variantName}
            className="rounded border border-slate-200 p-3 dark:border-slate-700"
          >
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium">
                {variant.added ? 'New variant' : 'Variant'}{' '}
                <span className="font-mono">{variant.variantName.trim() || index + 1}</span>
              </h3>
              {form.variants.length > 1 && (
                <Button onClick={() => remove(index)}>Remove variant {variantLabel(variant, index)}</Button>
              )}
            </div>
            <VariantFields
              index={index}
              variant={variant}
              models={models}
              messages={messages}
              onChange={(patch) => change(index, patch)}
            />
          </li>
        ))}
      </ol>
      <Button
        onClick={() => update((current) => ({ ...current, variants: [...current.variants, newVariant(models)] }))}
      >
        Add variant
      </Button>
    </div>
  );
}
