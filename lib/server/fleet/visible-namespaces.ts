import 'server-only';
import { endpointsQuestion, isAllowed } from '../auth/access-review';
import type { Identity } from '../auth/identity';
import { AppError } from '../http/app-error';

/**
 * The namespaces whose Endpoints the caller may `verb`, asked as the caller: null means every namespace.
 * `known` are the namespaces that hold anything. A caller who may see none of them gets an empty list, not a
 * 403: their own namespace may simply hold no endpoint yet, and their page must say so and stay live.
 */
export async function visibleNamespaces(
  identity: Identity,
  verb: 'list' | 'watch',
  known: Iterable<string>,
  options: { fresh?: boolean } = {},
): Promise<string[] | null> {
  if (await isAllowed(identity, endpointsQuestion(verb, ''), options)) return null;
  const candidates = [...new Set(known)].sort();
  const allowed = await Promise.all(
    candidates.map((namespace) => isAllowed(identity, endpointsQuestion(verb, namespace), options)),
  );
  return candidates.filter((_, index) => allowed[index]);
}

/** Throws the same 403 whether or not the object exists, so a refusal reveals nothing. */
export async function assertNamespaceAccess(
  identity: Identity,
  verb: 'get' | 'list' | 'watch',
  namespace: string,
  options: { fresh?: boolean } = {},
): Promise<void> {
  if (!(await isAllowed(identity, endpointsQuestion(verb, namespace), options))) {
    throw new AppError('forbidden', `You may not ${verb} SageMaker endpoints in namespace ${namespace}.`);
  }
}
