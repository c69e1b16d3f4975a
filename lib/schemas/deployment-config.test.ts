import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deploymentConfigInputSchema, deploymentConfigSchema } from './deployment-config';

const canary = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'p99-latency' }] },
  blueGreenUpdatePolicy: {
    maximumExecutionTimeoutInSeconds: 1800,
    terminationWaitInSeconds: 300,
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 600,
      canarySize: { type_: 'CAPACITY_PERCENT', value: 10 },
    },
  },
};

/** Every key path of a JSON schema, so the read and input schemas can be compared field by field. */
function keyPaths(schema: z.ZodType): string[] {
  const paths: string[] = [];
  const walk = (node: Record<string, any>, prefix: string) => {
    if (node.type === 'array') return walk(node.items, `${prefix}[]`);
    for (const [key, child] of Object.entries<Record<string, any>>(node.properties ?? {})) {
      paths.push(`${prefix}.${key}`);
      walk(child, `${prefix}.${key}`);
    }
  };
  walk(z.toJSONSchema(schema, { io: 'input' }) as Record<string, any>, '');
  return paths.sort();
}

describe('deploymentConfigInputSchema', () => {
  it('accepts a complete canary policy with the underscore keys', () => {
    expect(deploymentConfigInputSchema.parse(canary)).toEqual(canary);
  });

  it('rejects an unknown key at its path', () => {
    const result = deploymentConfigInputSchema.safeParse({
      ...canary,
      blueGreenUpdatePolicy: { ...canary.blueGreenUpdatePolicy, terminationWait: 5 },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['blueGreenUpdatePolicy'] });
  });

  it('rejects `type` without the underscore SageMaker uses', () => {
    const routing = { type: 'CANARY', waitIntervalInSeconds: 600 };
    const result = deploymentConfigInputSchema.safeParse({
      blueGreenUpdatePolicy: { trafficRoutingConfiguration: routing },
    });
    expect(result.success).toBe(false);
  });

  it('rejects a routing type SageMaker does not know', () => {
    const routing = { type_: 'RANDOM', waitIntervalInSeconds: 600 };
    const result = deploymentConfigInputSchema.safeParse({
      blueGreenUpdatePolicy: { trafficRoutingConfiguration: routing },
    });
    expect(result.error?.issues[0]?.path).toEqual(['blueGreenUpdatePolicy', 'trafficRoutingConfiguration', 'type_']);
  });

  it('has exactly the keys of the read schema, so the two cannot drift apart', () => {
    expect(keyPaths(deploymentConfigInputSchema)).toEqual(keyPaths(deploymentConfigSchema));
  });
});

describe('deploymentConfigSchema', () => {
  it('reads a policy with values newer than this code and keeps unknown keys', () => {
    const read = { rollingUpdatePolicy: { maximumBatchSize: { type_: 'FUTURE', value: 1 }, extra: true } };
    expect(deploymentConfigSchema.parse(read)).toEqual(read);
  });
});
