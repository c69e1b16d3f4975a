import { describe, expect, it } from 'vitest';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import { configSyncState } from './wait-for-config-sync';

const config = (status?: EndpointConfig['status']): EndpointConfig => ({
  metadata: { name: 'ep-r1', namespace: 'ns' },
  spec: { endpointConfigName: 'ep-r1', productionVariants: [] },
  ...(status ? { status } : {}),
});
const metadata = { ownerAccountID: '123456789012', region: 'us-west-2' };

describe('where a created EndpointConfig stands with SageMaker', () => {
  it('is pending with no status, or with metadata but no ARN and no verdict', () => {
    expect(configSyncState(config())).toEqual({ state: 'pending' });
    expect(configSyncState(config({ ackResourceMetadata: metadata, conditions: [] }))).toEqual({ state: 'pending' });
  });

  it('is synced once it has an ARN, or ACK.ResourceSynced=True', () => {
    const arn = 'arn:aws:sagemaker:us-west-2:123456789012:endpoint-config/ep-r1';
    expect(configSyncState(config({ ackResourceMetadata: { ...metadata, arn } }))).toEqual({ state: 'synced' });
    expect(configSyncState(config({ conditions: [{ type: 'ACK.ResourceSynced', status: 'True' }] }))).toEqual({
      state: 'synced',
    });
  });

  it('is refused on ACK.Terminal, or ACK.Recoverable with the AWS error, with the message', () => {
    expect(
      configSyncState(config({ conditions: [{ type: 'ACK.Terminal', status: 'True', message: 'not implemented' }] })),
    ).toEqual({ state: 'refused', message: 'not implemented' });
    const message = 'api error ValidationException: Could not find model "arn:...:model/m2".';
    expect(configSyncState(config({ conditions: [{ type: 'ACK.Recoverable', status: 'True', message }] }))).toEqual({
      state: 'refused',
      message,
    });
    expect(configSyncState(config({ conditions: [{ type: 'ACK.Recoverable', status: 'False' }] }))).toEqual({
      state: 'pending',
    });
  });
});
