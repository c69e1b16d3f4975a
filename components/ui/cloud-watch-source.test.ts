import { describe, expect, it } from 'vitest';
import { cloudWatchSourceHeading, cloudWatchSourceSentence, type UnreadSource } from './cloud-watch-source';

const at = '2026-03-01T12:00:00Z';
const failed = (code: string, message = 'The server’s sentence.'): UnreadSource => ({
  state: 'error',
  code,
  message,
  at,
});

describe('cloudWatchSourceHeading', () => {
  it('says how far a failed call got: answered, not reached, or never sent', () => {
    expect(cloudWatchSourceHeading(failed('AccessDenied'))).toBe('CloudWatch answered with an error');
    expect(cloudWatchSourceHeading(failed('Throttling'))).toBe('CloudWatch answered with an error');
    expect(cloudWatchSourceHeading(failed('ECONNREFUSED'))).toBe('CloudWatch could not be reached');
    expect(cloudWatchSourceHeading(failed('ETIMEDOUT'))).toBe('CloudWatch could not be reached');
    expect(cloudWatchSourceHeading(failed('CredentialsProviderError'))).toBe(
      'Fleetdeck found no AWS credentials to call CloudWatch with',
    );
  });

  it('names a source turned off, and one with no region yet', () => {
    expect(cloudWatchSourceHeading({ state: 'disabled', message: '' })).toBe('CloudWatch is turned off');
    expect(cloudWatchSourceHeading({ state: 'no-region', message: '' })).toBe('CloudWatch cannot be asked yet');
  });
});

describe('cloudWatchSourceSentence', () => {
  it('puts the code of a failed call beside the heading, then the server’s message', () => {
    expect(cloudWatchSourceSentence(failed('ECONNREFUSED', 'CloudWatch could not be reached (ECONNREFUSED).'))).toBe(
      'CloudWatch could not be reached (ECONNREFUSED).',
    );
    expect(cloudWatchSourceSentence(failed('ECONNREFUSED', 'Check the network policy.'))).toBe(
      'CloudWatch could not be reached (ECONNREFUSED). Check the network policy.',
    );
    expect(cloudWatchSourceSentence({ state: 'no-region', message: 'Waiting for the controller.' })).toBe(
      'CloudWatch cannot be asked yet. Waiting for the controller.',
    );
  });
});
