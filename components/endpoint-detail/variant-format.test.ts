import { describe, expect, it } from 'vitest';
import type { VariantView } from '@/lib/api/endpoint-summary';
import { currentOfDesired, instancesText, instanceTypeText, percent, weight, weightText } from './variant-format';

describe('currentOfDesired', () => {
  it.each([
    [undefined, undefined, '—'],
    [undefined, 3, '3 desired'],
    [3, undefined, '3'],
    [3, 3, '3'],
    [2, 3, '2 of 3 desired'],
    [0, 0, '0'],
  ])('current %s, desired %s reads "%s"', (current, desired, text) => {
    expect(currentOfDesired(current, desired)).toBe(text);
  });
});

describe('percent', () => {
  it.each([
    [undefined, '—'],
    [Number.NaN, '—'],
    [0, '0%'],
    [0.05, '5.0%'],
    [0.1, '10%'],
    [0.333, '33%'],
    [1, '100%'],
  ])('%s reads "%s"', (share, text) => {
    expect(percent(share)).toBe(text);
  });
});

describe('weight', () => {
  it.each([
    [undefined, '—'],
    [1, '1'],
    [0.25, '0.25'],
    [0.30000000000000004, '0.3'],
  ])('%s reads "%s"', (value, text) => {
    expect(weight(value)).toBe(text);
  });
});

describe('a variant in a table', () => {
  const onInstances: VariantView = {
    name: 'a',
    serverless: false,
    instanceType: 'ml.c5.large',
    currentInstanceCount: 2,
    desiredInstanceCount: 4,
    currentWeight: 1,
    desiredWeight: 1,
  };
  const serverless: VariantView = { name: 's', serverless: true, currentWeight: 0.5 };

  it('reads its instance type and instances, or says it is serverless', () => {
    expect([instanceTypeText(onInstances), instancesText(onInstances)]).toEqual(['ml.c5.large', '2 of 4 desired']);
    expect([instanceTypeText(serverless), instancesText(serverless)]).toEqual(['Serverless', 'Serverless']);
    // The old fleet of a deployment whose config is not known.
    expect(instanceTypeText({ ...onInstances, instanceType: undefined })).toBe('—');
  });

  it('reads its weight, with the desired one only while SageMaker moves it', () => {
    expect(weightText(onInstances)).toBe('1');
    expect(weightText({ ...onInstances, currentWeight: 0.25 })).toBe('0.25 of 1 desired');
    expect(weightText(serverless)).toBe('0.5');
  });
});
