import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { sortRows, toEndpointRow } from './endpoint-row';

const endpoint = (namespace: string, name: string, status?: Endpoint['status']): Endpoint => ({
  metadata: { name, namespace, creationTimestamp: '2026-11-01T00:00:00Z' },
  spec: { endpointName: name, endpointConfigName: `${name}-v1` },
  status,
});

describe('toEndpointRow', () => {
  it('takes status, failure reason and the last change from the status', () => {
    const row = toEndpointRow(
      endpoint('team-a', 'fraud', {
        endpointStatus: 'InService',
        failureReason: 'alarm fired',
        lastModifiedTime: '2026-11-20T10:00:00Z',
      }),
    );
    expect(row).toEqual({
      key: 'team-a/fraud',
      namespace: 'team-a',
      name: 'fraud',
      status: 'InService',
      endpointConfigName: 'fraud-v1',
      failureReason: 'alarm fired',
      lastModified: '2026-11-20T10:00:00Z',
    });
  });

  it('falls back to the creation time before the controller has reported', () => {
    expect(toEndpointRow(endpoint('team-a', 'fresh')).lastModified).toBe('2026-11-01T00:00:00Z');
  });
});

describe('sortRows', () => {
  it('orders by namespace then name and leaves its input alone', () => {
    const rows = [endpoint('team-b', 'a'), endpoint('team-a', 'z'), endpoint('team-a', 'b')].map(toEndpointRow);
    const before = rows.map((row) => row.key);
    expect(sortRows(rows).map((row) => row.key)).toEqual(['team-a/b', 'team-a/z', 'team-b/a']);
    expect(rows.map((row) => row.key)).toEqual(before);
  });
});
