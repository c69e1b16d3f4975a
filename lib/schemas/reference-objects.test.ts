import { describe, expect, it } from 'vitest';
import { referenceObjects } from '@/test/support/ack-fixtures';
import { endpointSchema } from './endpoint';
import { endpointConfigSchema } from './endpoint-config';
import { modelSchema } from './model';

const schemaByKind = { Endpoint: endpointSchema, EndpointConfig: endpointConfigSchema, Model: modelSchema };
const objects = referenceObjects();

describe('schemas parse every upstream example and unit-test fixture', () => {
  it('finds the reference objects', () => {
    expect(objects.length).toBeGreaterThanOrEqual(17);
  });

  it.each(objects.map((ref) => [ref.source, ref] as const))('%s', (_source, ref) => {
    const schema = schemaByKind[ref.object.kind as keyof typeof schemaByKind];
    expect(schema, `unknown kind ${ref.object.kind}`).toBeDefined();
    const parsed = schema.parse(ref.object);
    // Loose parsing: nothing the cluster holds is lost on a round trip.
    expect(parsed).toEqual(ref.object);
  });
});
