/**
 * How long simulated SageMaker takes for each step, in seconds of real AWS time. `scale` multiplies every
 * duration (and the controller's requeue periods) so the demo moves in seconds and tests in milliseconds,
 * while scale 1 mirrors the real timings (docs/ack-behaviour.md §7.3).
 */
export interface Timings {
  scale: number;
  /** CreateEndpoint until InService (or Failed). */
  createSeconds: number;
  /** Launching a new fleet, or one batch of a rolling update. */
  instanceLaunchSeconds: number;
  /** Moving one step of traffic to the new fleet. */
  trafficStepSeconds: number;
  /** Sending traffic back and tearing down the new fleet after a failure. */
  rollbackSeconds: number;
  /** DeleteEndpoint until the endpoint is gone. */
  deleteSeconds: number;
}

export const realTimings: Timings = {
  scale: 1,
  createSeconds: 360,
  instanceLaunchSeconds: 240,
  trafficStepSeconds: 30,
  rollbackSeconds: 120,
  deleteSeconds: 90,
};

/** Milliseconds of wall-clock time a simulated duration takes under the given scale. */
export function scaledMs(timings: Pick<Timings, 'scale'>, seconds: number): number {
  return Math.round(seconds * 1000 * timings.scale);
}
