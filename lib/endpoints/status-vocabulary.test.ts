import { describe, expect, it } from 'vitest';
import { upstreamCrd } from '@/test/support/ack-fixtures';
import { displayEndpointStatus, endpointStatusDisplay } from './status-vocabulary';

describe('displayEndpointStatus', () => {
  it('knows every status value the upstream CRD documents', () => {
    const described = upstreamCrd('endpoints').documentedValues['.status.endpointStatus'];
    const documented = ['OutOfService', 'Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'InService', 'Deleting', 'Failed', 'UpdateRollbackFailed'];
    for (const status of documented) {
      expect(described).toContain(status);
      expect(endpointStatusDisplay[status], status).toBeDefined();
    }
  });

  it('shows an unknown status as itself rather than hiding it', () => {
    expect(displayEndpointStatus('Hibernating')).toMatchObject({ label: 'Hibernating', tone: 'neutral' });
  });

  it('says pending before the controller has written any status', () => {
    expect(displayEndpointStatus(undefined).label).toBe('Pending');
  });
});
