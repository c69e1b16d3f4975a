import 'server-only';
import { endpointsQuestion, isAllowed } from '../auth/access-review';
import type { Identity } from '../auth/identity';
import { AppError } from '../http/app-error';

/**
 * The namespaces whose Endpoints the caller may `verb`, asked as the caller: null means every namespace.
 * `known` are the namespaces that hold anything; a caller who may see none of them gets 403.
 */
export async function visibleNamespaces(
  identity: Identity,
  verb: 'list' | 'watch',
  known: Iterable<string>,
  options: { fresh?: boolean } = {},
): Promise<string[] | null> {
  if (await isAllowed(identity, endpointsQuestion(verb, ''), options)) return null;
  const candidates = [...new Set(known)].sort();
  const allowed = await Promise.all(candidates.map((namespace) => isAllowed(identity, endpointsQuestion(verb, namespace), options)));
  const visible = candidates.filter((_, index) => allowed[index]);
  if (visible.length === 0) throw new AppError('forbidden', `You may not ${verb} SageMaker endpoints in any namespace.`);
  return visible;
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
