import { describe, expect, it } from 'vitest';
import { describeSize, instancesAtLeast, instancesAtMost, sizeAsInstances, sizeAsPercent } from './capacity';

const count = (value: number) => ({ type_: 'INSTANCE_COUNT', value });
const percent = (value: number) => ({ type_: 'CAPACITY_PERCENT', value });

describe('sizeAsPercent', () => {
  it.each([
    [count(2), 4, 50],
    [count(1), 3, (1 / 3) * 100],
    [count(3), 0, undefined],
    [percent(30), 4, 30],
    [percent(30), 0, 30],
  ])('%o of a fleet of %i is %s%', (size, fleet, expected) => {
    expect(sizeAsPercent(size, fleet)).toBe(expected);
  });
});

describe('sizeAsInstances rounds a percentage down, to at least 1 and at most the fleet', () => {
  it.each([
    [percent(50), 4, 2],
    [percent(50), 3, 1],
    [percent(49), 4, 1],
    [percent(51), 4, 2],
    [percent(75), 4, 3],
    [percent(10), 1, 1],
    [percent(10), 4, 1],
    [percent(100), 4, 4],
    [percent(150), 4, 4],
    [count(3), 4, 3],
    [count(5), 4, 4],
    [count(0), 4, 1],
    [count(2), 0, 0],
    [percent(50), 0, 0],
  ])('%o of %i instances is %i', (size, fleet, expected) => {
    expect(sizeAsInstances(size, fleet)).toBe(expected);
  });
});

describe('instance bounds of a percentage', () => {
  it.each([
    [50, 4, 2, 2],
    [50, 5, 2, 3],
    [10, 10, 1, 1],
    [10, 11, 1, 2],
    [5, 20, 1, 1],
    [5, 21, 1, 2],
    [50, 1, 0, 1],
  ])('%i% of %i: at most %i, at least %i', (share, fleet, most, least) => {
    expect(instancesAtMost(share, fleet)).toBe(most);
    expect(instancesAtLeast(share, fleet)).toBe(least);
  });
});

it.each([
  [count(1), '1 instance'],
  [count(3), '3 instances'],
  [percent(10), '10%'],
])('describeSize(%o) is "%s"', (size, words) => {
  expect(describeSize(size)).toBe(words);
});
