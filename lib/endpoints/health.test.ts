import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { endpointSchema } from '@/lib/schemas/endpoint';
import { controllerCase } from '@/test/support/ack-fixtures';
import { attentionFindings } from './attention';
import { whatTheControllerWaitsFor } from './controller-waiting';
import { summaryOf } from './fixtures.test-support';
import { endpointHealth } from './health';

const fixture = (path: string): Endpoint => endpointSchema.parse(controllerCase(`endpoint/${path}`));

const endpoint = (
  status: Endpoint['status'],
  annotations?: Record<string, string>,
  configName = 'cfg-v2',
): Endpoint => ({
  metadata: { name: 'ep', namespace: 'ns', ...(annotations ? { annotations } : {}) },
  spec: { endpointName: 'ep', endpointConfigName: configName },
  status,
});
const synced = (status: 'True' | 'False', message = 'Endpoint is in InService status.') => ({
  type: 'ACK.ResourceSynced',
  status,
  message,
});

describe('endpointHealth', () => {
  it.each([
    ['Deleting', 'Endpoint is Deleting.'],
    ['Updating', 'Endpoint in Updating state cannot be modified or deleted.'],
  ])('treats the requeue of a %s endpoint as progress, not a retried error', (status, message) => {
    const health = endpointHealth(
      endpoint({ endpointStatus: status, conditions: [{ type: 'ACK.Recoverable', status: 'True', message }] }),
    );
    expect(health).toEqual({ level: 'progressing', reasons: [`The endpoint is ${status}.`] });
  });

  it('still warns about a Recoverable error that is not a requeue', () => {
    const health = endpointHealth(
      endpoint({
        endpointStatus: 'InService',
        conditions: [{ type: 'ACK.Recoverable', status: 'True', message: 'api error ThrottlingException: slow down' }],
      }),
    );
    expect(health.level).toBe('warning');
    expect(health.reasons).toEqual(['The controller is retrying: api error ThrottlingException: slow down']);
  });

  it('is healthy when InService and synced', () => {
    expect(endpointHealth(fixture('readone/observed/inservice_no_failure_after_describe.yaml'))).toEqual({
      level: 'healthy',
      reasons: [],
    });
  });

  it('is critical for Failed even though ACK.ResourceSynced is True', () => {
    const health = endpointHealth(fixture('readone/observed/failed_status_on_describe.yaml'));
    expect(health.level).toBe('critical');
    expect(health.reasons[0]).toMatch(
      /^The endpoint is Failed \(SageMaker could not create, update or re-scale it\): +Failed to download model data.*delete it and create it again/,
    );
  });

  it('recognises an update SageMaker rolled back: InService, failure reason, annotation equal to the spec, terminal', () => {
    const health = endpointHealth(fixture('update/observed/no_retry_on_failed_update.yaml'));
    // In that fixture the spec was already reverted, so it is not the rolled-back state but a refusal.
    expect(health.level).toBe('critical');
    const rolledBack = endpointHealth(
      endpoint(
        {
          endpointStatus: 'InService',
          failureReason: 'alarm p99 went into ALARM',
          conditions: [
            synced(
              'False',
              'api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is cfg-v1',
            ),
            {
              type: 'ACK.Terminal',
              status: 'True',
              message:
                'api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is cfg-v1',
            },
          ],
        },
        { 'sagemaker.services.k8s.aws/last-endpoint-config-for-update': 'cfg-v2' },
      ),
    );
    expect(rolledBack).toMatchObject({
      level: 'critical',
      rolledBack: { failedConfigName: 'cfg-v2', liveConfigName: 'cfg-v1', failureReason: 'alarm p99 went into ALARM' },
    });
  });

  it('warns about a failure reason left after the spec was reverted to the live config', () => {
    const health = endpointHealth(
      endpoint(
        { endpointStatus: 'InService', failureReason: 'old failure', conditions: [synced('True')] },
        { 'sagemaker.services.k8s.aws/last-endpoint-config-for-update': 'cfg-v2' },
        'cfg-v1',
      ),
    );
    expect(health).toEqual({ level: 'warning', reasons: ['The last update failed: old failure'] });
  });

  it('is critical for UpdateRollbackFailed although synced', () => {
    expect(
      endpointHealth(
        endpoint({
          endpointStatus: 'UpdateRollbackFailed',
          conditions: [synced('True', 'Endpoint is in UpdateRollbackFailed status.')],
        }),
      ).level,
    ).toBe('critical');
  });

  it('warns while the controller retries a recoverable error', () => {
    const health = endpointHealth(
      endpoint({
        endpointStatus: 'InService',
        conditions: [
          synced('True'),
          { type: 'ACK.Recoverable', status: 'True', message: 'api error ValidationException: nope' },
        ],
      }),
    );
    expect(health).toEqual({
      level: 'warning',
      reasons: ['The controller is retrying: api error ValidationException: nope'],
    });
  });

  it.each(['Creating', 'Updating', 'SystemUpdating', 'Deleting'])('is progressing while %s', (status) => {
    expect(
      endpointHealth(
        endpoint({ endpointStatus: status, conditions: [synced('False', `Endpoint is in ${status} status.`)] }),
      ).level,
    ).toBe('progressing');
  });

  it('warns while rolling back', () => {
    expect(endpointHealth(endpoint({ endpointStatus: 'RollingBack' })).level).toBe('warning');
  });

  it('is unknown before the controller reports, and for a status it does not know', () => {
    expect(endpointHealth(endpoint(undefined)).level).toBe('unknown');
    expect(endpointHealth(endpoint({ endpointStatus: 'Hibernating' })).level).toBe('unknown');
  });
});

// SageMaker's EndpointStatus Failed: "Endpoint could not be created, updated, or re-scaled. ... DeleteEndpoint is
// the only operation that can be performed on a failed endpoint." (API Reference, DescribeEndpoint; docs/ack-behaviour.md
// §7.1). An update can end Failed too (§7.1, §13.3 step 6), so no wording may say the create failed.
describe('a Failed endpoint, after a create and after an update', () => {
  const failedCreate = fixture('readone/observed/failed_status_on_describe.yaml');
  const c3 = [
    synced('True', 'Endpoint is in Failed status.'),
    {
      type: 'ACK.Terminal',
      status: 'True',
      message: 'Endpoint status reached terminal state: Failed. Check the FailureReason.',
    },
  ];
  const failedUpdate = endpoint(
    {
      endpointStatus: 'Failed',
      failureReason: 'The primary container for production variant primary did not pass the ping health check',
      productionVariants: [
        {
          variantName: 'primary',
          currentInstanceCount: 2,
          desiredInstanceCount: 2,
          currentWeight: 1,
          desiredWeight: 1,
        },
      ],
      conditions: c3,
    },
    { 'sagemaker.services.k8s.aws/last-endpoint-config-for-update': 'cfg-v2' },
  );
  const now = new Date('2026-03-01T12:00:00Z');

  it.each([
    ['a failed create (controller fixture)', failedCreate, /Failed to download model data/],
    ['an update that ended Failed', failedUpdate, /did not pass the ping health check\./],
  ])('words %s as create, update or re-scale, and says only a delete helps', (_name, failed, reason) => {
    const [healthReason] = endpointHealth(failed).reasons;
    const [finding] = attentionFindings(summaryOf(failed), now);
    const waiting = whatTheControllerWaitsFor({ ...failed, metadata: { ...failed.metadata, namespace: 'ns' } });
    for (const text of [healthReason, finding?.reason, waiting]) {
      expect(text).toMatch(/SageMaker could not create, update or re-scale it/);
      expect(text).not.toMatch(/could not create the endpoint|could not be created/);
    }
    expect(healthReason).toMatch(reason);
    expect(finding).toMatchObject({ kind: 'Failed', reason: expect.stringMatching(reason) });
    expect(waiting).toMatch(/deleted and created again/);
  });
});
