import { describe, expect, it } from 'vitest';
import type { RolloutForm } from '@/lib/rollout/draft-from-form';
import { draftPaths } from '@/lib/rollout/draft-paths';
import { fieldLabelOf } from './field-labels';

const form = { variants: [{ variantName: 'AllTraffic' }], policy: { kind: 'none' } } as unknown as RolloutForm;

describe('fieldLabelOf', () => {
  it('names the variant field an error is about, the serverless checkbox included', () => {
    expect(fieldLabelOf(draftPaths.variant(0, 'instanceType'), form)).toBe('Instance type for AllTraffic');
    expect(fieldLabelOf(draftPaths.variant(0, 'serverlessConfig'), form)).toBe('Serverless for AllTraffic');
    expect(fieldLabelOf(draftPaths.variants, form)).toBe('Variants');
  });
});
