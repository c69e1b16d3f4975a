'use client';

import { Button } from '@/components/ui/button';
import { controlClasses, Field } from '@/components/ui/field';
import type { RolloutForm } from '@/lib/rollout/draft-from-form';
import { draftPaths } from '@/lib/rollout/draft-paths';
import { alarmLabel } from './field-labels';
import { fieldId, type FormMessages } from './field-messages';
import { SectionMessages } from './section-messages';

interface AlarmsEditorProps {
  form: RolloutForm;
  messages: FormMessages;
  update: (change: (form: RolloutForm) => RolloutForm) => void;
}

/** The CloudWatch alarms that roll the deployment back while traffic shifts or bakes (none, or as many as sagemakerLimits.alarms allows). */
export function AlarmsEditor({ form, messages, update }: AlarmsEditorProps) {
  const setAlarms = (change: (alarms: string[]) => string[]) =>
    update((current) => ({ ...current, alarms: change(current.alarms) }));
  const add = () => {
    setAlarms((alarms) => [...alarms, '']);
    // The new field exists after the next paint; typing goes straight into it.
    const index = form.alarms.length;
    requestAnimationFrame(() => document.getElementById(fieldId(draftPaths.alarm(index)))?.focus());
  };
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        SageMaker rolls the update back when one of these alarms goes into ALARM while traffic shifts or bakes.
      </p>
      <SectionMessages
        id={fieldId(draftPaths.alarms)}
        error={messages.errorAt(draftPaths.alarms)}
        warning={messages.warningAt(draftPaths.alarmSection)}
      />
      {form.alarms.length > 0 && (
        <ul className="space-y-2">
          {form.alarms.map((alarm, index) => {
            const path = draftPaths.alarm(index);
            return (
              <li key={index} className="flex max-w-xl items-end gap-2">
                <Field id={fieldId(path)} label={alarmLabel(index)} error={messages.errorAt(path)} className="grow">
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      autoComplete="off"
                      className={controlClasses}
                      value={alarm}
                      onChange={(event) =>
                        setAlarms((alarms) => alarms.map((each, at) => (at === index ? event.target.value : each)))
                      }
                    />
                  )}
                </Field>
                <Button className="mb-px" onClick={() => setAlarms((alarms) => alarms.filter((_, at) => at !== index))}>
                  Remove alarm {alarm.trim() || index + 1}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <Button onClick={add}>Add alarm</Button>
    </div>
  );
}
