import type { CloudWatchSource } from '@/lib/api/endpoint-metrics';

/** A source CloudWatch's numbers did not come from: turned off, no region yet, or a failed call. */
export type UnreadSource = Exclude<CloudWatchSource, { state: 'ok' }>;

// The SDK's own errors when it found no credentials to sign with: the call never left Fleetdeck.
const noCredentials = new Set(['CredentialsProviderError', 'ProviderError', 'TokenProviderError']);

/**
 * The one place that says what a source means, for the detail page's callout, the list's notice and its cells'
 * titles alike. For a failed call the heading says how far it got (never sent, not reached, or answered with an
 * error); the server's `message` says what the code means for Fleetdeck, and the code is shown beside it.
 */
export function cloudWatchSourceHeading(source: UnreadSource): string {
  switch (source.state) {
    case 'disabled':
      return 'CloudWatch is turned off';
    case 'no-region':
      return 'CloudWatch cannot be asked yet';
    case 'error':
      if (noCredentials.has(source.code)) return 'Fleetdeck found no AWS credentials to call CloudWatch with';
      // ECONNREFUSED, ETIMEDOUT...: a system error, so CloudWatch never answered.
      if (/^E[A-Z_]+$/.test(source.code)) return 'CloudWatch could not be reached';
      return 'CloudWatch answered with an error';
  }
}

/** What to show for a source: a heading and the code of a failed call unless the message already says them. */
export function cloudWatchSourceParts(source: UnreadSource): { heading?: string; code?: string; message: string } {
  const heading = cloudWatchSourceHeading(source);
  const code = source.state === 'error' ? source.code : undefined;
  // The server's fixed sentence for a code may already say as much (CloudWatch could not be reached (ECONNREFUSED).).
  const saidAlready = source.message.startsWith(heading) && (code === undefined || source.message.includes(code));
  return saidAlready ? { message: source.message } : { heading, code, message: source.message };
}

/** The heading, the code of a failed call and the server's message as one plain sentence, for titles. */
export function cloudWatchSourceSentence(source: UnreadSource): string {
  const { heading, code, message } = cloudWatchSourceParts(source);
  if (heading === undefined) return message;
  return `${heading}${code === undefined ? '' : ` (${code})`}. ${message}`;
}
