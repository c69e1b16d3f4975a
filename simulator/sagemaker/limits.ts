// The limits the simulated SageMaker enforces on what an update sends, written from the API reference
// (UpdateEndpoint's DeploymentConfig: BlueGreenUpdatePolicy, TrafficRoutingConfig, RollingUpdatePolicy,
// CapacitySize, AutoRollbackConfig) and the names of CreateEndpoint. The simulator stands in for AWS, so this is
// its own copy, never lib/rollout's table; simulator/sagemaker/limits.test.ts compares the two.

/** A whole-number range, both ends included. */
export interface Range {
  min: number;
  max: number;
}

export const simulatedLimits = {
  /** WaitIntervalInSeconds of blue/green traffic routing and of a rolling update. */
  waitIntervalInSeconds: { min: 0, max: 3600 },
  /** TerminationWaitInSeconds of a blue/green update. */
  terminationWaitInSeconds: { min: 0, max: 3600 },
  /** MaximumExecutionTimeoutInSeconds of a blue/green or rolling update. */
  maximumExecutionTimeoutInSeconds: { min: 600, max: 28800 },
  /** CapacitySize.Value, instances or percent. */
  capacitySizeMinValue: 1,
  /** CanarySize, in percent of the variant's total instance count. */
  canarySizePercent: { min: 0, max: 50 },
  /** LinearStepSize, in percent of the variant's total instance count. */
  linearStepSizePercent: { min: 10, max: 50 },
  /** MaximumBatchSize of a rolling update, in percent of the variant's total instance count. */
  maximumBatchSizePercent: { min: 5, max: 50 },
  /** RollbackMaximumBatchSize: no guardrail beyond the whole old fleet (its default is 100%). */
  rollbackMaximumBatchSizePercent: { min: 0, max: 100 },
  /** AutoRollbackConfig.Alarms. */
  alarms: { min: 1, max: 10 },
  /** An alarm's AlarmName. */
  alarmNameLength: { min: 1, max: 255 },
  /** Endpoint, endpoint config and model names (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}). */
  nameMaxLength: 63,
} as const satisfies Record<string, Range | number>;
