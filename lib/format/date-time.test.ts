import { describe, expect, it } from 'vitest';
import { formatDateTime } from './date-time';

describe('formatDateTime', () => {
  it('gives a local date and time that names the year', () => {
    expect(formatDateTime('2026-12-01T12:00:00Z')).toMatch(/2026/);
  });

  it('gives back text it cannot read as a date', () => {
    expect(formatDateTime('<b>soon</b>')).toBe('<b>soon</b>');
  });
});
