import type { Tone } from '@/lib/format/tone';

/**
 * How current the data on screen is:
 * - connecting: the first stream is opening;
 * - live: the stream is open and the cluster answers;
 * - reconnecting: the stream dropped moments ago and is being reopened;
 * - stale: the cluster or Fleetdeck has not answered for a while; data shown is as of `asOf`;
 * - paused: the tab is hidden and not pinned as a wallboard, so it holds no stream;
 * - signed-out: the session ended (401); nothing is retried until the user signs in again;
 * - refused: Fleetdeck refused the stream (403) several times in a row; nothing is retried until a reload.
 */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting' | 'stale' | 'paused' | 'signed-out' | 'refused';

export interface LiveStatus {
  connection: LiveConnection;
  /** When the data was last known to be current (ISO), or undefined before the first confirmation. */
  asOf?: string;
  /** Why the data is not live, in plain words. */
  message?: string;
  /** The stream is closed and waiting out its backoff before the next attempt (which may be hastened). */
  retryPending?: boolean;
}

/** Presentation of each connection state, as data. */
export const liveDisplay: Record<LiveConnection, { label: string; tone: Tone }> = {
  connecting: { label: 'Connecting', tone: 'progress' },
  live: { label: 'Live', tone: 'ok' },
  reconnecting: { label: 'Reconnecting', tone: 'progress' },
  stale: { label: 'Stale', tone: 'warning' },
  paused: { label: 'Paused', tone: 'neutral' },
  'signed-out': { label: 'Signed out', tone: 'error' },
  refused: { label: 'Refused', tone: 'error' },
};
