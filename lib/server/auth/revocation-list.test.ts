import { describe, expect, it } from 'vitest';
import { readRevocations, withRevocation } from './revocation-list';

const sid = (n: number) => n.toString(16).padStart(32, '0');
const at = (iso: string) => Date.parse(iso);

describe('revocation list', () => {
  it('reads session ids with their end of life and skips what is not one', () => {
    const entries = readRevocations({
      [sid(1)]: '2026-05-01T12:00:00Z',
      'not-a-sid': '2026-05-01T12:00:00Z',
      [sid(2)]: 'tomorrow',
    });
    expect([...entries]).toEqual([[sid(1), at('2026-05-01T12:00:00Z')]]);
  });

  it('adds a revocation and drops entries whose session has ended anyway', () => {
    const now = at('2026-05-01T12:00:00Z');
    const data = withRevocation(
      { [sid(1)]: '2026-05-01T11:59:59Z', [sid(2)]: '2026-05-01T12:00:00Z' },
      sid(3),
      now + 1500,
      now,
    );
    expect(data).toEqual({ [sid(2)]: '2026-05-01T12:00:00Z', [sid(3)]: '2026-05-01T12:00:02Z' });
  });

  it('starts an empty object', () => {
    expect(withRevocation(undefined, sid(7), at('2026-05-01T12:00:00Z'), 0)).toEqual({
      [sid(7)]: '2026-05-01T12:00:00Z',
    });
  });
});
