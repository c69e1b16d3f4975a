import { describe, expect, it } from 'vitest';
import { formatCount } from './count';

describe('formatCount', () => {
  it('rounds to a whole number', () => {
    expect(formatCount(3.6)).toBe('4');
    expect(formatCount(0)).toBe('0');
  });
});
