import { describe, expect, it } from 'vitest';
import { upstreamCrd } from '@/test/support/reference';
import { displayEndpointStatus, endpointStatusDisplay } from './status-vocabulary';

describe('displayEndpointStatus', () => {
  it('knows every status value the upstream CRD documents', () => {
    const description: string =
      upstreamCrd('endpoints').spec.versions[0].schema.openAPIV3Schema.properties.status.properties.endpointStatus
        .description;
    const documented = ['OutOfService', 'Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'InService', 'Deleting', 'Failed', 'UpdateRollbackFailed'];
    for (const status of documented) {
      expect(description).toContain(status);
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
