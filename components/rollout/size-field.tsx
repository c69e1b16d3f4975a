'use client';

import { controlClasses, Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/text-input';
import type { SizeForm } from '@/lib/rollout/draft-from-form';
import type { SizePaths } from '@/lib/rollout/draft-paths';
import type { CapacitySizeType } from '@/lib/schemas/deployment-config';
import { fieldId, type FormMessages } from './field-messages';

interface SizeFieldProps {
  paths: SizePaths;
  label: string;
  /** The unit select's name; must not contain `label`, so each is found by its own name. */
  unitLabel: string;
  size: SizeForm;
  hint?: string;
  messages: FormMessages;
  onChange: (size: SizeForm) => void;
}

/** A canary, linear step or batch size: a number, and whether it counts instances or a percentage of the fleet. */
export function SizeField({ paths, label, unitLabel, size, hint, messages, onChange }: SizeFieldProps) {
  const { value: path, unit: unitPath } = paths;
  return (
    <div className="grid grid-cols-[1fr_auto] items-start gap-2">
      <Field
        id={fieldId(path)}
        label={label}
        error={messages.errorAt(path)}
        warning={messages.warningAt(path)}
        hint={hint}
      >
        {(control) => (
          <TextInput
            {...control}
            inputMode="numeric"
            value={size.value}
            onValueChange={(value) => onChange({ ...size, value })}
          />
        )}
      </Field>
      <Field id={fieldId(unitPath)} label={unitLabel} error={messages.errorAt(unitPath)}>
        {(control) => (
          <select
            {...control}
            className={controlClasses}
            value={size.type_}
            onChange={(event) => onChange({ ...size, type_: event.target.value as CapacitySizeType })}
          >
            <option value="CAPACITY_PERCENT">% of the fleet</option>
            <option value="INSTANCE_COUNT">instances</option>
          </select>
        )}
      </Field>
    </div>
  );
}
