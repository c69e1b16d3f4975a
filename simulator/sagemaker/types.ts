import type { DeploymentConfig } from '../../lib/schemas/deployment-config';
import type { EndpointConfigSpec } from '../../lib/schemas/endpoint-config';
import type { ModelSpec } from '../../lib/schemas/model';
import type { AwsLocation } from './names';

// The simulated SageMaker's own records. Times are epoch milliseconds of wall-clock time. Everything here is
// plain JSON so the whole state can be written to the state file and read back after a restart.

export interface SimModel {
  location: AwsLocation;
  name: string;
  arn: string;
  spec: ModelSpec;
  createdAt: number;
}

export interface SimEndpointConfig {
  location: AwsLocation;
  name: string;
  arn: string;
  spec: EndpointConfigSpec;
  createdAt: number;
}

export interface DeployedImage {
  specifiedImage: string;
  resolvedImage: string;
  resolutionTime: number;
}

export interface ServerlessCapacity {
  memorySizeInMB?: number;
  maxConcurrency?: number;
  provisionedConcurrency?: number;
}

/** One variant of a fleet at full size. Serverless variants have `serverless` and no instance fields. */
export interface SimVariant {
  variantName: string;
  instanceType?: string;
  acceleratorType?: string;
  instanceCount?: number;
  weight: number;
  serverless?: ServerlessCapacity;
  images: DeployedImage[];
}

/** One timed step of a deployment, as the new fleet's variant status reports it. */
export interface Stage {
  status: 'Creating' | 'ActivatingTraffic' | 'Baking';
  message: string;
  startMs: number;
  durationMs: number;
  /** Share of the new fleet's instances running by the end of this stage, 0..1. */
  newFleetFraction: number;
  /** Instances of the old fleet still running during this stage (rolling updates shrink it). */
  oldFleetFraction: number;
  /**
   * Share of each new variant's capacity taking traffic during this stage, 0..1, by variant name; Describe
   * reports it as the new variant's currentWeight. Absent from stages saved before it existed.
   */
  trafficShare?: Record<string, number>;
  /** Alarms are watched during this stage; one in ALARM rolls the deployment back. */
  monitored: boolean;
}

/** An error an API call answers at once, as SageMaker returns it: a code such as InvalidParameterValue, and a message. */
export interface ApiErrorFault {
  code: string;
  message: string;
}

export interface Faults {
  failCreate?: string;
  failUpdate?: string;
  failRollback?: boolean;
  createError?: ApiErrorFault;
  updateError?: ApiErrorFault;
  describeError?: ApiErrorFault;
}

export type Operation =
  | { kind: 'create'; startedAt: number; durationMs: number; failCreate?: string }
  | {
      kind: 'update';
      startedAt: number;
      configName: string;
      fleet: SimVariant[];
      stages: Stage[];
      deploymentConfig?: DeploymentConfig;
      rolling: boolean;
      alarms: string[];
      timeoutMs?: number;
      faults: Faults;
    }
  | {
      kind: 'rollback';
      startedAt: number;
      durationMs: number;
      failureReason: string;
      fails: boolean;
      oldFleetFraction: number;
      /** The config the failed deployment was moving to. */
      targetConfigName: string;
    }
  | { kind: 'delete'; startedAt: number; durationMs: number };

export type EndpointStatusValue =
  | 'Creating'
  | 'Updating'
  | 'SystemUpdating'
  | 'RollingBack'
  | 'InService'
  | 'OutOfService'
  | 'Deleting'
  | 'Failed'
  | 'UpdateRollbackFailed';

export interface SimEndpoint {
  location: AwsLocation;
  name: string;
  arn: string;
  createdAt: number;
  lastModifiedAt: number;
  /** The settled status; an operation in progress decides what Describe reports. */
  status: EndpointStatusValue;
  configName: string;
  fleet: SimVariant[];
  /** For a rolling update or its failed rollback: the share of the old fleet still running. */
  fleetFraction?: number;
  lastDeploymentConfig?: DeploymentConfig;
  failureReason?: string;
  operation?: Operation;
}

export interface SimState {
  models: Record<string, SimModel>;
  endpointConfigs: Record<string, SimEndpointConfig>;
  endpoints: Record<string, SimEndpoint>;
}
