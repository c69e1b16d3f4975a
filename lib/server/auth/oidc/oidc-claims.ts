import 'server-only';

export interface ClaimMapping {
  usernameClaim: string;
  usernamePrefix: string;
  groupsClaim: string;
  groupsPrefix: string;
}

type Claims = Record<string, unknown>;

/** The user name the API server derives from these claims (claim plus prefix), or undefined without the claim. */
export function claimedUser(claims: Claims, mapping: ClaimMapping): string | undefined {
  const value = claims[mapping.usernameClaim];
  return typeof value === 'string' && value !== '' ? `${mapping.usernamePrefix}${value}` : undefined;
}

/**
 * The groups the API server derives from these claims, or undefined when the token carries no groups claim at
 * all, which is what the sign-in page warns about. A single string counts as one group, as the API server reads it.
 */
export function claimedGroups(claims: Claims, mapping: ClaimMapping): string[] | undefined {
  const value = claims[mapping.groupsClaim];
  if (typeof value === 'string') return [`${mapping.groupsPrefix}${value}`];
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((group): group is string => typeof group === 'string')
    .map((group) => `${mapping.groupsPrefix}${group}`);
}
