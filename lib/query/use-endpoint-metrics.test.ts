import { describe, expect, it } from 'vitest';
import { metricsLive } from './use-endpoint-metrics';

describe('metricsLive', () => {
  it('reads often while SageMaker changes the endpoint, a rollback included', () => {
    for (const status of ['Creating', 'Updating', 'SystemUpdating', 'RollingBack'])
      expect(metricsLive({ status }), status).toBe(true);
    expect(metricsLive({ status: 'InService', deployment: { variants: [] } })).toBe(true);
  });

  it('reads once a minute at rest', () => {
    for (const status of ['InService', 'Failed', 'OutOfService', undefined])
      expect(metricsLive({ status }), String(status)).toBe(false);
  });
});
