import { describe, expect, it } from 'vitest';
import { claimedGroups, claimedUser } from './oidc-claims';

const mapping = { usernameClaim: 'email', usernamePrefix: 'oidc:', groupsClaim: 'groups', groupsPrefix: 'oidc:' };

describe('claims as the API server maps them', () => {
  it('prefixes the user claim', () => {
    expect(claimedUser({ sub: 'x', email: 'alice@example.com' }, mapping)).toBe('oidc:alice@example.com');
    expect(claimedUser({ sub: 'x' }, mapping)).toBeUndefined();
  });
  it('prefixes every group and reads a single string as one group', () => {
    expect(claimedGroups({ groups: ['a', 'b', 3] }, mapping)).toEqual(['oidc:a', 'oidc:b']);
    expect(claimedGroups({ groups: 'a' }, mapping)).toEqual(['oidc:a']);
  });
  it('tells a missing groups claim from an empty one', () => {
    expect(claimedGroups({}, mapping)).toBeUndefined();
    expect(claimedGroups({ groups: [] }, mapping)).toEqual([]);
  });
});
