'use client';

import { controlClasses, Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/text-input';
import type { ModelOption } from '@/lib/api/rollout-views';
import type { VariantForm } from '@/lib/rollout/draft-from-form';
import { draftPaths } from '@/lib/rollout/draft-paths';
import { serverlessMemorySizesInMB as MEMORY_SIZES } from '@/lib/rollout/sagemaker-limits';
import { variantHints as hints } from './field-hints';
import { fieldId, type FormMessages } from './field-messages';
import { variantFieldLabels as labels, variantLabel } from './field-labels';

interface VariantFieldsProps {
  index: number;
  variant: VariantForm;
  models: ModelOption[];
  messages: FormMessages;
  onChange: (change: Partial<VariantForm>) => void;
}

/** The fields of one variant, each labelled with the variant's name ("Model for primary"). */
export function VariantFields({ index, variant, models, messages, onChange }: VariantFieldsProps) {
  const label = variantLabel(variant, index);
  const path = (field: Parameters<typeof draftPaths.variant>[1]) => draftPaths.variant(index, field);
  const serverlessPath = (field: Parameters<typeof draftPaths.serverless>[1]) => draftPaths.serverless(index, field);
  const known = models.some((model) => model.modelName === variant.modelName);
  const text = (
    field: keyof VariantForm,
    fieldPath: string,
    fieldLabel: string,
    inputMode: 'numeric' | 'decimal' | 'text',
    hint?: string,
  ) => (
    <Field
      id={fieldId(fieldPath)}
      label={fieldLabel}
      error={messages.errorAt(fieldPath)}
      warning={messages.warningAt(fieldPath)}
      hint={hint}
    >
      {(control) => (
        <TextInput
          {...control}
          inputMode={inputMode}
          value={variant[field] as string}
          onValueChange={(value) => onChange({ [field]: value })}
        />
      )}
    </Field>
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {variant.added &&
        text('variantName', path('variantName'), labels.variantName(label, index), 'text', hints.variantName)}
      <Field
        id={fieldId(path('modelName'))}
        label={labels.modelName(label)}
        error={messages.errorAt(path('modelName'))}
        warning={messages.warningAt(path('modelName'))}
      >
        {(control) => (
          <select
            {...control}
            className={controlClasses}
            value={variant.modelName}
            onChange={(event) => onChange({ modelName: event.target.value })}
          >
            {!known && (
              <option value={variant.modelName}>
                {variant.modelName ? `${variant.modelName} (not a Model in this namespace)` : 'Choose a model'}
              </option>
            )}
            {models.map((model) => (
              <option key={model.name} value={model.modelName}>
                {model.modelName}
                {model.image ? ` (${model.image.split('/').pop()})` : model.modelPackageName ? ' (model package)' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={fieldId(path('serverlessConfig'))}
        label={labels.serverless(label)}
        error={messages.errorAt(path('serverlessConfig'))}
        warning={messages.warningAt(path('serverlessConfig'))}
        layout="inline"
        className="self-end pb-1"
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            className="h-4 w-4"
            checked={variant.serverless}
            onChange={(event) => onChange({ serverless: event.target.checked })}
          />
        )}
      </Field>
      {variant.serverless ? (
        <>
          <Field
            id={fieldId(serverlessPath('memorySizeInMB'))}
            label={labels.memorySizeInMB(label)}
            error={messages.errorAt(serverlessPath('memorySizeInMB'))}
          >
            {(control) => (
              <select
                {...control}
                className={controlClasses}
                value={variant.memorySizeInMB}
                onChange={(event) => onChange({ memorySizeInMB: event.target.value })}
              >
                {!MEMORY_SIZES.map(String).includes(variant.memorySizeInMB) && (
                  <option value={variant.memorySizeInMB}>{variant.memorySizeInMB || 'Choose a size'}</option>
                )}
                {MEMORY_SIZES.map((size) => (
                  <option key={size} value={String(size)}>
                    {size} MB
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text(
            'maxConcurrency',
            serverlessPath('maxConcurrency'),
            labels.maxConcurrency(label),
            'numeric',
            hints.maxConcurrency,
          )}
          {text(
            'provisionedConcurrency',
            serverlessPath('provisionedConcurrency'),
            labels.provisionedConcurrency(label),
            'numeric',
            hints.provisionedConcurrency,
          )}
        </>
      ) : (
        <>
          {text('instanceType', path('instanceType'), labels.instanceType(label), 'text', hints.instanceType)}
          {text('initialInstanceCount', path('initialInstanceCount'), labels.initialInstanceCount(label), 'numeric')}
        </>
      )}
      {text(
        'initialVariantWeight',
        path('initialVariantWeight'),
        labels.initialVariantWeight(label),
        'decimal',
        hints.initialVariantWeight,
      )}
    </div>
  );
}
