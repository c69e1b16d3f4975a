import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it.each([
    ['/endpoints/team-a/fraud?tab=events', '/endpoints/team-a/fraud?tab=events'],
    [undefined, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('%s goes to %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
