import { describe, expect, it } from 'vitest';
import { readProxyClaim } from './proxy-claim';

const settings = {
  userHeader: 'x-forwarded-user',
  groupsHeader: 'x-forwarded-groups',
  allowedSystemGroups: [] as string[],
};
const claim = (headers: [string, string][], allowedSystemGroups: string[] = []) =>
  readProxyClaim(new Headers(headers), { ...settings, allowedSystemGroups });
const refused = (result: ReturnType<typeof readProxyClaim>) => (result.ok ? undefined : result.reason);

describe('readProxyClaim', () => {
  it('reads the user and every group, trimmed', () => {
    expect(
      claim([
        ['x-forwarded-user', ' ml-eng '],
        ['x-forwarded-groups', 'readers, writers'],
      ]),
    ).toEqual({ ok: true, user: 'ml-eng', groups: ['readers', 'writers'] });
    expect(claim([['x-forwarded-user', 'ml-eng']])).toEqual({ ok: true, user: 'ml-eng', groups: [] });
    expect(
      claim([
        ['x-forwarded-user', 'ml-eng'],
        ['x-forwarded-groups', '  '],
      ]),
    ).toEqual({ ok: true, user: 'ml-eng', groups: [] });
  });

  it('refuses system:masters and every other system: group unless allowed', () => {
    expect(
      refused(
        claim([
          ['x-forwarded-user', 'ghost'],
          ['x-forwarded-groups', 'readers, system:masters'],
        ]),
      ),
    ).toBe('the reserved group "system:masters"');
    // The API server adds system:authenticated to impersonated users itself; a proxy need not send it.
    expect(
      refused(
        claim([
          ['x-forwarded-user', 'ghost'],
          ['x-forwarded-groups', 'system:authenticated'],
        ]),
      ),
    ).toMatch(/reserved group/);
    expect(
      claim(
        [
          ['x-forwarded-user', 'ghost'],
          ['x-forwarded-groups', 'system:authenticated'],
        ],
        ['system:authenticated'],
      ),
    ).toEqual({ ok: true, user: 'ghost', groups: ['system:authenticated'] });
    expect(
      refused(
        claim(
          [
            ['x-forwarded-user', 'ghost'],
            ['x-forwarded-groups', 'system:masters'],
          ],
          ['system:authenticated'],
        ),
      ),
    ).toMatch(/reserved group/);
  });

  it('refuses system: users, even with their group allowed', () => {
    expect(refused(claim([['x-forwarded-user', 'system:kube-controller-manager']], ['system:masters']))).toMatch(
      /reserved user/,
    );
    expect(refused(claim([['x-forwarded-user', 'system:serviceaccount:kube-system:default']]))).toMatch(
      /reserved user/,
    );
  });

  it('refuses empty, over-long and control-character values', () => {
    expect(refused(claim([]))).toBe('no user header');
    expect(refused(claim([['x-forwarded-user', '   ']]))).toBe('an empty user');
    expect(refused(claim([['x-forwarded-user', 'u'.repeat(257)]]))).toMatch(/user over 256/);
    expect(claim([['x-forwarded-user', 'u'.repeat(256)]]).ok).toBe(true);
    expect(refused(claim([['x-forwarded-user', 'ml\u0001eng']]))).toMatch(/control characters/);
    expect(refused(claim([['x-forwarded-user', 'ml\teng']]))).toMatch(/control characters/);
    expect(
      refused(
        claim([
          ['x-forwarded-user', 'ml-eng'],
          ['x-forwarded-groups', 'readers,,writers'],
        ]),
      ),
    ).toBe('an empty group');
    expect(
      refused(
        claim([
          ['x-forwarded-user', 'ml-eng'],
          ['x-forwarded-groups', 'readers,'],
        ]),
      ),
    ).toBe('an empty group');
    expect(
      refused(
        claim([
          ['x-forwarded-user', 'ml-eng'],
          ['x-forwarded-groups', `g${'x'.repeat(256)}`],
        ]),
      ),
    ).toMatch(/group over 256/);
    expect(
      refused(
        claim([
          ['x-forwarded-user', 'ml-eng'],
          ['x-forwarded-groups', 'a\u007fb'],
        ]),
      ),
    ).toBe('a group with control characters: "a\\u007fb"');
  });

  it('keeps non-ASCII names, which reach it as Latin-1 header bytes', () => {
    const latin1 = Buffer.from('Zoë Ō', 'utf8').toString('latin1');
    expect(claim([['x-forwarded-user', latin1]])).toEqual({ ok: true, user: latin1, groups: [] });
  });

  it('refuses a repeated user header instead of joining it', () => {
    // What a proxy that appends rather than replaces produces when the client sent its own header.
    const headers = new Headers();
    headers.append('x-forwarded-user', 'admin');
    headers.append('x-forwarded-user', 'ml-eng');
    expect(refused(readProxyClaim(headers, settings))).toMatch(/more than one user/);
  });
});
