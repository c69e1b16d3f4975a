import { z } from 'zod';
import { int64 } from './scalars';

/** How a traffic step or batch is sized. The JSON key is `type_`, with an underscore (docs/ack-behaviour.md §3). */
export const capacitySizeTypes = ['INSTANCE_COUNT', 'CAPACITY_PERCENT'] as const;
export type CapacitySizeType = (typeof capacitySizeTypes)[number];
/** Blue/green traffic routing modes SageMaker accepts. */
export const trafficRoutingTypes = ['ALL_AT_ONCE', 'CANARY', 'LINEAR'] as const;
export type TrafficRoutingType = (typeof trafficRoutingTypes)[number];

// Read side: mirrors the CRD (nothing required, enums as plain strings) so any object the API server holds
// parses, and unknown keys survive a round trip.
const capacitySize = z.looseObject({ type_: z.string().optional(), value: int64().optional() });

/** `spec.deploymentConfig` of an Endpoint as read from the cluster. */
export const deploymentConfigSchema = z.looseObject({
  autoRollbackConfiguration: z
    .looseObject({ alarms: z.array(z.looseObject({ alarmName: z.string().optional() })).optional() })
    .optional(),
  blueGreenUpdatePolicy: z
    .looseObject({
      maximumExecutionTimeoutInSeconds: int64().optional(),
      terminationWaitInSeconds: int64().optional(),
      trafficRoutingConfiguration: z
        .looseObject({
          type_: z.string().optional(),
          waitIntervalInSeconds: int64().optional(),
          canarySize: capacitySize.optional(),
          linearStepSize: capacitySize.optional(),
        })
        .optional(),
    })
    .optional(),
  rollingUpdatePolicy: z
    .looseObject({
      maximumBatchSize: capacitySize.optional(),
      maximumExecutionTimeoutInSeconds: int64().optional(),
      rollbackMaximumBatchSize: capacitySize.optional(),
      waitIntervalInSeconds: int64().optional(),
    })
    .optional(),
});
export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>;

// Input side: what a user may send. Same keys (a unit test keeps the two in step), but strict objects,
// enums, and the fields SageMaker's UpdateEndpoint requires.
const capacitySizeInput = z.strictObject({ type_: z.enum(capacitySizeTypes), value: int64() });

/** A deploymentConfig a user sends: unknown keys and unknown enum values are errors at their paths. */
export const deploymentConfigInputSchema = z.strictObject({
  autoRollbackConfiguration: z.strictObject({ alarms: z.array(z.strictObject({ alarmName: z.string() })) }).optional(),
  blueGreenUpdatePolicy: z
    .strictObject({
      maximumExecutionTimeoutInSeconds: int64().optional(),
      terminationWaitInSeconds: int64().optional(),
      trafficRoutingConfiguration: z.strictObject({
        type_: z.enum(trafficRoutingTypes),
        waitIntervalInSeconds: int64(),
        canarySize: capacitySizeInput.optional(),
        linearStepSize: capacitySizeInput.optional(),
      }),
    })
    .optional(),
  rollingUpdatePolicy: z
    .strictObject({
      maximumBatchSize: capacitySizeInput,
      maximumExecutionTimeoutInSeconds: int64().optional(),
      rollbackMaximumBatchSize: capacitySizeInput.optional(),
      waitIntervalInSeconds: int64(),
    })
    .optional(),
});
export type DeploymentConfigInput = z.infer<typeof deploymentConfigInputSchema>;
