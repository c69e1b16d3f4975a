// The simulator's output against the real controller's unit-test fixtures, where they cover a case.
// Caveats in test/fixtures/ack-sagemaker/SOURCES.md: the fixtures lack `Ready`, zero their timestamps and use
// SDK v1 error text, so conditions are compared without Ready, with the "api error " prefix removed and names
// normalised, and objects by the fields they carry rather than by value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { controllerCase } from '../support/ack-fixtures';
import { SimWorld } from '../support/sagemaker-world';

let world: SimWorld;
beforeAll(async () => {
  world = await SimWorld.start('sim-fixtures', { SIM_TRAFFIC_STEP_SECONDS: '150' });
});
afterAll(() => world?.stop());

function fixture(path: string): Record<string, any> {
  return controllerCase(`endpoint/${path}`);
}

/** Conditions as comparable across SDK versions and names. */
function comparable(
  conditions: { type: string; status: string; message?: string; lastTransitionTime?: string }[] | undefined,
  names: Record<string, string>,
) {
  return (conditions ?? [])
    .filter((c) => c.type !== 'Ready')
    .map((c) => {
      let message = (c.message ?? '').replace(/^api error /, '').replace(/\n\tstatus code: 0, request id: $/, '');
      for (const [name, placeholder] of Object.entries(names)) message = message.replaceAll(name, placeholder);
      return { type: c.type, status: c.status, message, stamped: c.lastTransitionTime !== undefined };
    });
}

/** Every key path in an object; array items are merged under `[]`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => keyPaths(item, `${prefix}[]`)))];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}.${key}`, ...keyPaths(inner, `${prefix}.${key}`)]);
}
const sorted = (paths: string[]) => [...new Set(paths)].sort();

const fixtureNames = {
  'xgboost-endpoint-single-variant-config-updated': '<new config>',
  'xgboost-endpoint-single-variant-config': '<live config>',
};

describe('Endpoint status compared with the controller fixtures', () => {
  let versions: Endpoint[];
  const ourNames = { 'fx-v2': '<new config>', 'fx-v1': '<live config>' };

  beforeAll(async () => {
    await world.createModel('fx-model-v1', '123456789012.dkr.ecr.us-west-2.amazonaws.com/fx:1');
    await world.createConfig('fx-v1', [{ name: 'variant-1', model: 'fx-model-v1', count: 2 }]);
    await world.createModel('fx-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/fx:2');
    await world.createConfig('fx-v2', [{ name: 'variant-1', model: 'fx-model-v2', count: 2 }]);
    await world.configReady('fx-v2');
    const history = await world.recordEndpoint('fx');
    await world.createEndpoint('fx', 'fx-v1');
    await world.waitForEndpoint('fx', (e) => e.status?.endpointStatus === 'InService', 'InService');
    await world.setFaults({
      endpoints: { fx: { failUpdate: 'Failed to download model data for container from URL, blah' } },
    });
    await world.patch('Endpoint', 'fx', {
      spec: {
        endpointConfigName: 'fx-v2',
        deploymentConfig: {
          autoRollbackConfiguration: { alarms: [{ alarmName: '5xalarm-endpointtest' }] },
          blueGreenUpdatePolicy: {
            maximumExecutionTimeoutInSeconds: 600,
            terminationWaitInSeconds: 100,
            trafficRoutingConfiguration: {
              type_: 'LINEAR',
              waitIntervalInSeconds: 100,
              linearStepSize: { type_: 'INSTANCE_COUNT', value: 1 },
            },
          },
        },
      },
    });
    await world.waitForEndpoint(
      'fx',
      (e) => e.status?.conditions?.some((c) => c.type === 'ACK.Terminal') === true,
      'C6',
    );
    await world.remove('Endpoint', 'fx');
    await world.waitFor(
      () => world.get('Endpoint', 'fx'),
      (e) => e === undefined,
      'deleted',
    );
    history.stop();
    versions = history.versions;
  });

  const first = (predicate: (e: Endpoint) => boolean) => {
    const found = versions.find(predicate);
    if (!found) throw new Error('no recorded version matches');
    return found;
  };

  it('creating_after_describe: the same conditions and at least the same fields', () => {
    const expected = fixture('readone/observed/creating_after_describe.yaml');
    const ours = first(
      (e) => e.status?.endpointStatus === 'Creating' && e.status.ackResourceMetadata?.arn !== undefined,
    );
    expect(comparable(ours.status?.conditions, ourNames)).toEqual(comparable(expected.status.conditions, fixtureNames));
    expect(sorted(keyPaths(ours.status))).toEqual(expect.arrayContaining(sorted(keyPaths(expected.status))));
  });

  it('inservice_no_failure_after_describe: the same conditions and exactly the same fields', () => {
    const expected = fixture('readone/observed/inservice_no_failure_after_describe.yaml');
    const ours = first((e) => e.status?.endpointStatus === 'InService');
    expect(comparable(ours.status?.conditions, ourNames)).toEqual(comparable(expected.status.conditions, fixtureNames));
    const withoutReady = { ...ours.status, conditions: ours.status?.conditions?.filter((c) => c.type !== 'Ready') };
    // The fixture comes from a unit test that skips setStatusDefaults, which adds the partition (docs/ack-behaviour.md §4.5).
    const ourPaths = sorted(keyPaths(withoutReady)).filter((path) => path !== '.ackResourceMetadata.partition');
    expect(ourPaths).toEqual(sorted(keyPaths(expected.status)));
  });

  it('update_attempted_success: the annotation, Updating and its condition', () => {
    const expected = fixture('update/observed/update_attempted_success.yaml');
    const ours = first((e) => e.status?.endpointStatus === 'Updating');
    expect(ours.metadata.annotations?.['sagemaker.services.k8s.aws/last-endpoint-config-for-update']).toBe('fx-v2');
    expect(Object.keys(expected.metadata.annotations)).toEqual(Object.keys(ours.metadata.annotations ?? {}));
    expect(comparable(ours.status?.conditions, ourNames)).toEqual(comparable(expected.status.conditions, fixtureNames));
  });

  it('updating_deployment: the pending deployment carries the same fields', () => {
    const expected = fixture('readone/observed/updating_deployment.yaml');
    const ours = first(
      (e) => e.status?.endpointStatus === 'Updating' && e.status.pendingDeploymentSummary !== undefined,
    );
    expect(sorted(keyPaths(ours.status?.pendingDeploymentSummary))).toEqual(
      sorted(keyPaths(expected.status.pendingDeploymentSummary)),
    );
    expect(comparable(ours.status?.conditions, ourNames)).toEqual(comparable(expected.status.conditions, fixtureNames));
    expect(ours.spec.deploymentConfig).toEqual(expected.spec.deploymentConfig);
  });

  it('no_retry_on_failed_update: the terminal refusal naming the live config', () => {
    const expected = fixture('update/observed/no_retry_on_failed_update.yaml');
    const ours = first((e) => e.status?.conditions?.some((c) => c.type === 'ACK.Terminal') === true);
    expect(comparable(ours.status?.conditions, ourNames)).toEqual(comparable(expected.status.conditions, fixtureNames));
    expect(ours.status?.endpointStatus).toBe(expected.status.endpointStatus);
    expect(ours.status?.failureReason?.trim()).toBe(expected.status.failureReason.trim());
  });

  it('deleting_no_error: Synced False and Recoverable while Deleting', () => {
    const expected = fixture('delete/observed/deleting_no_error.yaml');
    const ours = first((e) => e.status?.endpointStatus === 'Deleting');
    // The earlier Terminal from the refused update is flipped to False; the fixture had none to flip.
    const ourConditions = comparable(ours.status?.conditions, ourNames).filter(
      (c) => c.status !== 'False' || c.type !== 'ACK.Terminal',
    );
    expect(ourConditions).toEqual(comparable(expected.status.conditions, fixtureNames));
    expect(ours.status?.conditions?.find((c) => c.type === 'ACK.Terminal')).toEqual({
      type: 'ACK.Terminal',
      status: 'False',
    });
  });
});

describe('a Failed endpoint compared with the fixtures', () => {
  it('failed_status_on_describe, then no_update_on_failed after a spec change', async () => {
    await world.setFaults({
      endpoints: { fxfail: { failCreate: ' Failed to download model data for container from URL, blah' } },
    });
    await world.createModel('fxfail-model');
    await world.createConfig('fxfail-v1', [{ name: 'variant-1', model: 'fxfail-model' }]);
    await world.createConfig('fxfail-v2', [{ name: 'variant-1', model: 'fxfail-model' }]);
    await world.createEndpoint('fxfail', 'fxfail-v1');
    const failed = await world.waitForEndpoint('fxfail', (e) => e.status?.endpointStatus === 'Failed', 'Failed');
    const names = { 'fxfail-v1': '<live config>' };
    expect(comparable(failed.status?.conditions, names)).toEqual(
      comparable(fixture('readone/observed/failed_status_on_describe.yaml').status.conditions, fixtureNames),
    );

    await world.patch('Endpoint', 'fxfail', { spec: { endpointConfigName: 'fxfail-v2' } });
    const refused = await world.waitForEndpoint(
      'fxfail',
      (e) => e.status?.conditions?.[0]?.status === 'False',
      'refused',
    );
    expect(comparable(refused.status?.conditions, names)).toEqual(
      comparable(fixture('update/observed/no_update_on_failed.yaml').status.conditions, fixtureNames),
    );
  });
});
