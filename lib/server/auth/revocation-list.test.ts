import { describe, expect, it } from 'vitest';
import { ALL_ENDING_BY, readRevocations, revokes, withRevocation } from './revocation-list';

const sid = (n: number) => n.toString(16).padStart(32, '0');
const at = (iso: string) => Date.parse(iso);
const NOON = at('2026-05-01T12:00:00Z');
const MANY = 1000;

describe('revocation list', () => {
  it('reads session ids with their end of life and skips what is not one', () => {
    const { entries, allEndingBy } = readRevocations({
      [sid(1)]: '2026-05-01T12:00:00Z',
      'not-a-sid': '2026-05-01T12:00:00Z',
      [sid(2)]: 'tomorrow',
    });
    expect([...entries]).toEqual([[sid(1), at('2026-05-01T12:00:00Z')]]);
    expect(allEndingBy).toBe(0);
  });

  it('adds a revocation and drops entries whose session has ended anyway', () => {
    const { data, newEpoch } = withRevocation(
      { [sid(1)]: '2026-05-01T11:59:59Z', [sid(2)]: '2026-05-01T12:00:00Z' },
      sid(3),
      NOON + 1500,
      NOON,
      MANY,
    );
    expect(data).toEqual({ [sid(2)]: '2026-05-01T12:00:00Z', [sid(3)]: '2026-05-01T12:00:02Z' });
    expect(newEpoch).toBeUndefined();
  });

  it('starts an empty object', () => {
    expect(withRevocation(undefined, sid(7), NOON, 0, MANY).data).toEqual({ [sid(7)]: '2026-05-01T12:00:00Z' });
  });

  it('when full, keeps the newest half and moves the epoch to the newest session it dropped', () => {
    let data: Record<string, string> = {};
    // Ten sign-outs of sessions ending a minute apart, the latest first: the order written does not matter.
    for (let n = 10; n >= 1; n--) data = withRevocation(data, sid(n), NOON + n * 60_000, NOON, MANY).data;
    const { data: full, newEpoch } = withRevocation(data, sid(11), NOON + 11 * 60_000, NOON, 10);
    // 11 entries > 10: the oldest 6 go and 5 stay; the epoch is the end of the 6th.
    expect(newEpoch).toBe(NOON + 6 * 60_000);
    expect(full[ALL_ENDING_BY]).toBe('2026-05-01T12:06:00Z');
    expect(Object.keys(full).sort()).toEqual([ALL_ENDING_BY, sid(10), sid(11), sid(7), sid(8), sid(9)].sort());

    // Every sign-out is still refused: the dropped ones by the epoch, the rest by their entry.
    const read = readRevocations(full);
    for (let n = 1; n <= 11; n++) expect(revokes(read, sid(n), NOON + n * 60_000, NOON), `session ${n}`).toBe(true);
    // Sessions never signed out are ended too when they end by the epoch, and only then.
    expect(revokes(read, sid(99), NOON + 6 * 60_000, NOON)).toBe(true);
    expect(revokes(read, sid(99), NOON + 6 * 60_000 + 1000, NOON)).toBe(false);
  });

  it('stays bounded however many sign-outs come, without forgetting one', () => {
    let data: Record<string, string> = {};
    const max = 8;
    for (let n = 1; n <= 200; n++) {
      data = withRevocation(data, sid(n), NOON + n * 1000, NOON, max).data;
      expect(Object.keys(data).length).toBeLessThanOrEqual(max + 1);
    }
    const read = readRevocations(data);
    for (let n = 1; n <= 200; n++) expect(revokes(read, sid(n), NOON + n * 1000, NOON), `session ${n}`).toBe(true);
    expect(revokes(read, sid(999), NOON + 201_000, NOON)).toBe(false);
  });

  it('drops an epoch once every session it covers has ended, and moves it only forward', () => {
    const withEpoch = { [ALL_ENDING_BY]: '2026-05-01T12:00:00Z', [sid(1)]: '2026-05-01T13:00:00Z' };
    expect(withRevocation(withEpoch, sid(2), NOON + 7200_000, NOON + 1000, MANY).data).toEqual({
      [sid(1)]: '2026-05-01T13:00:00Z',
      [sid(2)]: '2026-05-01T14:00:00Z',
    });
    const moved = withRevocation(
      { ...withEpoch, [sid(2)]: '2026-05-01T14:00:00Z' },
      sid(3),
      NOON + 3 * 3600_000,
      NOON - 1000,
      2,
    );
    expect(moved.newEpoch).toBe(NOON + 2 * 3600_000);
    expect(moved.data).toEqual({ [ALL_ENDING_BY]: '2026-05-01T14:00:00Z', [sid(3)]: '2026-05-01T15:00:00Z' });
  });

  it('refuses a listed session only until its end of life', () => {
    const read = readRevocations({ [sid(1)]: '2026-05-01T12:00:00Z' });
    expect(revokes(read, sid(1), NOON, NOON)).toBe(true);
    expect(revokes(read, sid(1), NOON, NOON + 1)).toBe(false);
    expect(revokes(read, sid(2), NOON, NOON)).toBe(false);
  });
});
