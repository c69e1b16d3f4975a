'use client';

import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/text-input';
import { formatDuration } from '@/lib/format/duration';
import { fieldId, type FormMessages } from './field-messages';

const WHOLE = /^\s*\d+\s*$/;

/** A number of seconds, with the same time in words beside it so 28800 reads as "8 h". */
export function SecondsField({
  path,
  label,
  value,
  hint,
  messages,
  onChange,
}: {
  path: string;
  label: string;
  value: string;
  hint?: string;
  messages: FormMessages;
  onChange: (value: string) => void;
}) {
  const words = WHOLE.test(value) && Number(value) >= 60 ? `That is ${formatDuration(Number(value))}.` : '';
  const fullHint = [hint, words].filter(Boolean).join(' ');
  return (
    <Field
      id={fieldId(path)}
      label={label}
      error={messages.errorAt(path)}
      warning={messages.warningAt(path)}
      hint={fullHint || undefined}
    >
      {(control) => <TextInput {...control} inputMode="numeric" value={value} onValueChange={onChange} />}
    </Field>
  );
}
