import { describe, expect, it } from 'vitest';
import { upstreamCrd } from '@/test/support/ack-fixtures';
import { displayEndpointStatus, endpointStatusDisplay } from './status-vocabulary';

describe('displayEndpointStatus', () => {
  it('knows every status value the upstream CRD documents', () => {
    const described = upstreamCrd('endpoints').documentedValues['.status.endpointStatus'] ?? [];
    // Every one the CRD lists, so a status added upstream fails here until the dashboard words it.
    expect(described.length).toBeGreaterThanOrEqual(9);
    for (const status of described) expect(endpointStatusDisplay[status], status).toBeDefined();
  });

  it('describes Failed as SageMaker does: not only a failed create (DescribeEndpoint, docs/ack-behaviour.md §7.1)', () => {
    expect(displayEndpointStatus('Failed').description).toBe(
      'SageMaker could not create, update or re-scale it; only a delete is possible, so delete and re-create it.',
    );
  });

  it('shows an unknown status as itself rather than hiding it', () => {
    expect(displayEndpointStatus('Hibernating')).toMatchObject({ label: 'Hibernating', tone: 'neutral' });
  });

  it('says pending before the controller has written any status', () => {
    expect(displayEndpointStatus(undefined).label).toBe('Pending');
  });
});
