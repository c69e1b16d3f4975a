import { describe, expect, it } from 'vitest';
import { rollingOutNow } from '@/lib/endpoints/fleet-overview';
import { condition, makeEndpoint, summaryOf } from '@/lib/endpoints/fixtures.test-support';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { endpointLabels } from './endpoint-labels';

const terminal =
  'api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is cfg-v1';

const cases: Record<string, Endpoint> = {
  unreported: makeEndpoint({}),
  inService: makeEndpoint({ status: { endpointStatus: 'InService' } }),
  creating: makeEndpoint({ status: { endpointStatus: 'Creating' } }),
  updating: makeEndpoint({ status: { endpointStatus: 'Updating' } }),
  systemUpdating: makeEndpoint({ status: { endpointStatus: 'SystemUpdating' } }),
  rollingBack: makeEndpoint({ status: { endpointStatus: 'RollingBack' } }),
  deleting: makeEndpoint({ status: { endpointStatus: 'Deleting' } }),
  failed: makeEndpoint({ status: { endpointStatus: 'Failed', failureReason: 'no capacity' } }),
  pendingDeployment: makeEndpoint({
    status: {
      endpointStatus: 'InService',
      pendingDeploymentSummary: { endpointConfigName: 'cfg-v2', startTime: '2026-01-01T00:00:00Z' },
    },
  }),
  rolledBack: makeEndpoint({
    configName: 'cfg-v2',
    submitted: 'cfg-v2',
    status: {
      endpointStatus: 'InService',
      failureReason: 'alarm p99 went into ALARM',
      conditions: [condition('ACK.Terminal', 'True', terminal)],
    },
  }),
  madeUp: makeEndpoint({ status: { endpointStatus: 'Mark-17' } }),
};

describe('endpointLabels', () => {
  it('counts a deployment in progress exactly when the overview lists it as rolling out now', () => {
    for (const [name, endpoint] of Object.entries(cases)) {
      const listed = rollingOutNow([summaryOf(endpoint)], new Date('2026-01-01T00:05:00Z')).length === 1;
      expect(endpointLabels(endpoint).deploying, name).toBe(listed);
    }
    expect(endpointLabels(cases.updating!).deploying).toBe(true);
    expect(endpointLabels(cases.inService!).deploying).toBe(false);
  });

  it('labels status by SageMaker value, Pending before a report and Other for a value SageMaker does not list', () => {
    expect(endpointLabels(cases.unreported!)).toMatchObject({ status: 'Pending', health: 'unknown' });
    expect(endpointLabels(cases.inService!)).toMatchObject({ status: 'InService', health: 'healthy' });
    expect(endpointLabels(cases.failed!)).toMatchObject({ status: 'Failed', health: 'critical' });
    expect(endpointLabels(cases.madeUp!).status).toBe('Other');
  });

  it('tells a rolled-back update from other critical endpoints', () => {
    expect(endpointLabels(cases.rolledBack!)).toMatchObject({
      status: 'InService',
      health: 'critical',
      rolledBack: true,
    });
    expect(endpointLabels(cases.failed!).rolledBack).toBe(false);
  });
});
