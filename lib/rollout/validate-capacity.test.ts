import { describe, expect, it } from 'vitest';
import { capacitySizeErrors, secondsErrors } from './validate-capacity';

describe('capacitySizeErrors', () => {
  const limit = { label: 'Step', minPercent: 10, maxPercent: 50 };
  it.each<[string, { type_: string; value?: number }, number, string | undefined]>([
    ['a fraction of an instance', { type_: 'INSTANCE_COUNT', value: 1.5 }, 10, 'Step must be at least 1; it is 1.5.'],
    ['no value', { type_: 'CAPACITY_PERCENT' }, 10, 'Step must be at least 1; it is 0.'],
    ['10% exactly on 10 instances', { type_: 'CAPACITY_PERCENT', value: 10 }, 10, undefined],
    ['10% on 5 instances (rounds up to 1 instance, 20%)', { type_: 'CAPACITY_PERCENT', value: 10 }, 5, undefined],
    [
      '50% of 1 instance',
      { type_: 'CAPACITY_PERCENT', value: 50 },
      1,
      'Step must be at most 50% of the fleet (0 of 1 instance); 50% comes to 1 instance (a step is at least one instance), so the fleet is too small for this policy.',
    ],
  ])('%s', (_, size, fleet, message) => {
    expect(capacitySizeErrors('p', size, fleet, limit)).toEqual(message ? [{ path: 'p.value', message }] : []);
  });
});

describe('secondsErrors', () => {
  it.each<[number | undefined, string | undefined]>([
    [undefined, undefined],
    [0, undefined],
    [10, undefined],
    [10.5, 'Wait must be from 0 to 10 seconds; it is 10.5.'],
    [11, 'Wait must be from 0 to 10 seconds; it is 11.'],
    [-1, 'Wait must be from 0 to 10 seconds; it is -1.'],
  ])('%s s', (value, message) => {
    expect(secondsErrors('p', 'Wait', value, { min: 0, max: 10 })).toEqual(message ? [{ path: 'p', message }] : []);
  });
});
