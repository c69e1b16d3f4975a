import type { FieldError } from '@/lib/api/error-envelope';
import type { RolloutWarning } from '@/lib/rollout/warnings';

/** The element id of the field at a request-body path, so an error summary can link to it. */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/** What the form says at each path: the first error and the warnings found there. */
export interface FormMessages {
  errors: FieldError[];
  errorAt: (path: string) => string | undefined;
  warningAt: (path: string) => string | undefined;
}

/** The form's own errors first, then those the API answered with for paths the form has no error at. */
export function formMessages(
  clientErrors: FieldError[],
  serverErrors: FieldError[],
  warnings: RolloutWarning[],
): FormMessages {
  const errors = [
    ...clientErrors,
    ...serverErrors.filter((server) => !clientErrors.some((client) => client.path === server.path)),
  ];
  return {
    errors,
    errorAt: (path) => errors.find((error) => error.path === path)?.message,
    warningAt: (path) => {
      const found = warnings.filter((warning) => warning.path === path).map((warning) => warning.message);
      return found.length > 0 ? found.join(' ') : undefined;
    },
  };
}
