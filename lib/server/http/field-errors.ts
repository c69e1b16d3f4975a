import 'server-only';
import type { z } from 'zod';
import type { FieldError } from '@/lib/api/error-envelope';

/** zod issues as field errors; an unknown key is reported at its own path, not at its parent's. */
export function fieldErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'unknown field' }));
    }
    return [{ path: issue.path.join('.'), message: issue.message }];
  });
}
