'use client';

import type { FieldError } from '@/lib/api/error-envelope';
import { draftPaths } from '@/lib/rollout/draft-paths';
import { fieldId } from './field-messages';
import { Callout } from '@/components/ui/callout';

// The form's errors sit at `draft.` paths, each with a field or section of that id; others (the API server's
// `config.` and `endpoint.` paths) have no field and are listed as text.
const hasField = (path: string) => path.startsWith(`${draftPaths.root}.`);

function focusField(path: string) {
  const element = document.getElementById(fieldId(path));
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus();
}

/** The problems that stop a dry run or an apply, announced once, each a link to its field and named by its label. */
export function ErrorSummary({
  errors,
  title,
  labelOf,
}: {
  errors: FieldError[];
  title: string;
  labelOf: (path: string) => string | undefined;
}) {
  if (errors.length === 0) return null;
  return (
    <Callout tone="error" size="sm" role="alert" id="rollout-error-summary" tabIndex={-1} data-testid="error-summary">
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {errors.map((error) => (
          <li key={`${error.path}:${error.message}`}>
            {hasField(error.path) ? (
              <a
                href={`#${fieldId(error.path)}`}
                className="underline underline-offset-2"
                onClick={(event) => {
                  event.preventDefault();
                  focusField(error.path);
                }}
              >
                {labelOf(error.path) ? `${labelOf(error.path)}: ` : ''}
                {error.message}
              </a>
            ) : (
              <span>
                {error.message} <span className="font-mono text-xs">({error.path})</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </Callout>
  );
}
