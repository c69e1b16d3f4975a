// SageMaker's limits on what a rollout sends, in one table that the request schema, validation, presets, the
// form's hints and every message read, so none of them can disagree. Sources: the API reference of
// CreateEndpointConfig (ProductionVariant, ProductionVariantServerlessConfig) and UpdateEndpoint
// (DeploymentConfig: BlueGreenUpdatePolicy, TrafficRoutingConfig, RollingUpdatePolicy, CapacitySize,
// AutoRollbackConfig), and the guide's deployment guardrails pages. The simulator keeps its own copy on purpose
// (it stands in for AWS), so a test of one against the other checks something.

/** A whole-number range, both ends included. */
export interface NumberRange {
  min: number;
  max: number;
}

/** A canary, linear step or batch size limit: a share of the fleet's current instance count. */
export interface ShareLimit {
  minPercent: number;
  maxPercent: number;
}

/** SageMaker's limits, by the field they bound. */
export const sagemakerLimits = {
  /** ProductionVariants of one EndpointConfig. */
  variantsPerConfig: { min: 1, max: 10 },
  /** Variant, model and endpoint config names. */
  nameMaxLength: 63,
  /** InitialInstanceCount of a variant on instances; the upper bound is Fleetdeck's guard against a typo. */
  initialInstanceCount: { min: 1, max: 1000 },
  /** InitialVariantWeight; the upper bound is Fleetdeck's guard against a typo. */
  initialVariantWeight: { min: 0, max: 1000 },
  /** Serverless MemorySizeInMB: 1 GB steps from 1024 to 6144. */
  serverlessMemorySizeInMB: { min: 1024, max: 6144, step: 1024 },
  /** Serverless MaxConcurrency and ProvisionedConcurrency. */
  serverlessConcurrency: { min: 1, max: 200 },
  /** WaitIntervalInSeconds of blue/green traffic routing and of a rolling update. */
  waitIntervalInSeconds: { min: 0, max: 3600 },
  /** TerminationWaitInSeconds of a blue/green update. */
  terminationWaitInSeconds: { min: 0, max: 3600 },
  /** MaximumExecutionTimeoutInSeconds of a blue/green or rolling update. */
  maximumExecutionTimeoutInSeconds: { min: 600, max: 28800 },
  /** CapacitySize.Value, as instances or as a percentage. */
  capacitySizeMinValue: 1,
  /** CanarySize: at most half the fleet (and at least one instance, as every size). */
  canarySize: { minPercent: 0, maxPercent: 50 },
  /** LinearStepSize. */
  linearStepSize: { minPercent: 10, maxPercent: 50 },
  /** MaximumBatchSize of a rolling update. */
  maximumBatchSize: { minPercent: 5, maxPercent: 50 },
  /** RollbackMaximumBatchSize: no documented bounds beyond "at least 1"; 100% (the default) is the whole old fleet at once. */
  rollbackMaximumBatchSize: { minPercent: 0, maxPercent: 100 },
  /** AutoRollbackConfig alarms, when automatic rollback is on. */
  alarms: { min: 1, max: 10 },
  /** A CloudWatch alarm name. */
  alarmNameMaxLength: 255,
} as const;

/** The serverless memory sizes SageMaker accepts, smallest first. */
export const serverlessMemorySizesInMB: readonly number[] = (() => {
  const { min, max, step } = sagemakerLimits.serverlessMemorySizeInMB;
  return Array.from({ length: (max - min) / step + 1 }, (_, index) => min + index * step);
})();
