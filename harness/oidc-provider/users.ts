// The people who can sign in at the harness's OpenID provider. Tests import this module to know their
// passwords and the identities kube-apiserver derives from their ID tokens.

export type OidcUserName = 'alice' | 'bob' | 'carol';

export interface OidcUser {
  sub: string;
  password: string;
  email: string;
  name: string;
  /** Absent, not empty, for a user whose ID token must carry no `groups` claim at all. */
  groups?: readonly string[];
}

export const oidcUsers: Readonly<Record<OidcUserName, OidcUser>> = {
  alice: {
    sub: 'alice',
    password: 'alice-password',
    email: 'alice@example.com',
    name: 'Alice Example',
    groups: ['ml-engineers'],
  },
  bob: { sub: 'bob', password: 'bob-password', email: 'bob@example.com', name: 'Bob Example', groups: ['oncall'] },
  carol: { sub: 'carol', password: 'carol-password', email: 'carol@example.com', name: 'Carol Example' },
};

/** kube-apiserver's prefix for usernames and groups from this provider (authentication.yaml, harness/harness). */
export const kubernetesOidcPrefix = 'oidc:';

export const findOidcUser = (name: string): OidcUser | undefined =>
  Object.hasOwn(oidcUsers, name) ? oidcUsers[name as OidcUserName] : undefined;

/** The claims of one user, keyed by the scope that releases them (the provider's `claims` setting). */
export function oidcClaimsOf(user: OidcUser) {
  return {
    sub: user.sub,
    email: user.email,
    email_verified: true,
    name: user.name,
    ...(user.groups ? { groups: [...user.groups] } : {}),
  };
}
