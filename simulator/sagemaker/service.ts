import type { DeploymentConfig } from '../../lib/schemas/deployment-config';
import type { EndpointConfigSpec } from '../../lib/schemas/endpoint-config';
import type { ModelSpec } from '../../lib/schemas/model';
import { scaledMs, type Timings } from '../timings';
import { assertNotInstancesToServerless } from './capacity-change';
import { blueGreenStages, rollingStages } from './deployment-stages';
import { describeEndpoint, type EndpointDescription } from './describe-endpoint';
import { advanceEndpoint, type AlarmState } from './endpoint-progress';
import { notFoundPrefixes, SageMakerError, validation } from './errors';
import { initialFleet, retainedFleet, usesModelPackage } from './fleet';
import { guardrailsApply, validateDeploymentConfig } from './guardrails';
import { arnOf, assertValidName, type AwsLocation } from './names';
import type { ApiErrorFault, Faults, SimEndpoint, SimEndpointConfig, SimModel, SimState } from './types';

export interface SageMakerDependencies {
  now: () => number;
  timings: Timings;
  alarmState: (alarmName: string) => AlarmState;
  faultsFor: (endpointName: string) => Faults;
  configNameWhileUpdating: 'new' | 'old';
  /** Called after every change, so the state can be saved. */
  onChange: () => void;
}

const keyOf = (location: AwsLocation, name: string) =>
  `${location.partition}:${location.region}:${location.account}:${name}`;
const modifying = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting']);

/**
 * The simulated SageMaker API for endpoints, endpoint configs and models, keyed by account, region and name.
 * Every call is counted in `calls`, so tests can prove that the controller made none.
 */
export class SimulatedSageMaker {
  readonly calls: Record<string, number> = {};

  constructor(
    readonly state: SimState,
    private readonly deps: SageMakerDependencies,
  ) {}

  private count(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }

  /** Answers a call with the error the fault controls set for it, as SageMaker answers a refused request. */
  private injected(fault: ApiErrorFault | undefined): void {
    if (fault) throw new SageMakerError(fault.code, fault.message);
  }

  createModel(location: AwsLocation, spec: ModelSpec): SimModel {
    this.count('CreateModel');
    assertValidName('modelName', spec.modelName);
    const key = keyOf(location, spec.modelName);
    if (this.state.models[key])
      throw validation(`Cannot create already existing model "${arnOf(location, 'model', spec.modelName)}".`);
    const model = {
      location,
      name: spec.modelName,
      arn: arnOf(location, 'model', spec.modelName),
      spec,
      createdAt: this.deps.now(),
    };
    this.state.models[key] = model;
    this.deps.onChange();
    return model;
  }

  describeModel(location: AwsLocation, name: string): SimModel {
    this.count('DescribeModel');
    const model = this.state.models[keyOf(location, name)];
    if (!model) throw validation(`${notFoundPrefixes.model} "${arnOf(location, 'model', name)}".`);
    return model;
  }

  deleteModel(location: AwsLocation, name: string): void {
    this.count('DeleteModel');
    this.describeModel(location, name);
    delete this.state.models[keyOf(location, name)];
    this.deps.onChange();
  }

  createEndpointConfig(location: AwsLocation, spec: EndpointConfigSpec): SimEndpointConfig {
    this.count('CreateEndpointConfig');
    assertValidName('endpointConfigName', spec.endpointConfigName);
    const key = keyOf(location, spec.endpointConfigName);
    const arn = arnOf(location, 'endpoint-config', spec.endpointConfigName);
    if (this.state.endpointConfigs[key])
      throw validation(`Cannot create already existing endpoint configuration "${arn}".`);
    for (const variant of spec.productionVariants) {
      if (variant.modelName && !this.state.models[keyOf(location, variant.modelName)]) {
        throw validation(`Could not find model "${arnOf(location, 'model', variant.modelName)}".`);
      }
    }
    const config = { location, name: spec.endpointConfigName, arn, spec, createdAt: this.deps.now() };
    this.state.endpointConfigs[key] = config;
    this.deps.onChange();
    return config;
  }

  describeEndpointConfig(location: AwsLocation, name: string): SimEndpointConfig {
    this.count('DescribeEndpointConfig');
    const config = this.state.endpointConfigs[keyOf(location, name)];
    if (!config) throw validation(`${notFoundPrefixes.endpointConfig} "${arnOf(location, 'endpoint-config', name)}".`);
    return config;
  }

  deleteEndpointConfig(location: AwsLocation, name: string): void {
    this.count('DeleteEndpointConfig');
    this.describeEndpointConfig(location, name);
    // SageMaker does not stop you deleting a config an endpoint uses (docs/ack-behaviour.md §11.8).
    delete this.state.endpointConfigs[keyOf(location, name)];
    this.deps.onChange();
  }

  private config(location: AwsLocation, name: string): SimEndpointConfig {
    const config = this.state.endpointConfigs[keyOf(location, name)];
    if (!config)
      throw validation(`Could not find endpoint configuration "${arnOf(location, 'endpoint-config', name)}".`);
    return config;
  }

  private fleetOf(location: AwsLocation, config: SimEndpointConfig) {
    return initialFleet(config.spec, (model) => this.state.models[keyOf(location, model)]?.spec, this.deps.now());
  }

  createEndpoint(
    location: AwsLocation,
    input: { endpointName: string; endpointConfigName: string; deploymentConfig?: DeploymentConfig },
  ): string {
    this.count('CreateEndpoint');
    this.injected(this.deps.faultsFor(input.endpointName).createError);
    assertValidName('endpointName', input.endpointName);
    const arn = arnOf(location, 'endpoint', input.endpointName);
    const key = keyOf(location, input.endpointName);
    if (this.state.endpoints[key]) throw validation(`Cannot create already existing endpoint "${arn}".`);
    const config = this.config(location, input.endpointConfigName);
    const now = this.deps.now();
    this.state.endpoints[key] = {
      location,
      name: input.endpointName,
      arn,
      createdAt: now,
      lastModifiedAt: now,
      status: 'Creating',
      configName: config.name,
      fleet: this.fleetOf(location, config),
      lastDeploymentConfig: input.deploymentConfig,
      operation: {
        kind: 'create',
        startedAt: now,
        durationMs: scaledMs(this.deps.timings, this.deps.timings.createSeconds),
        failCreate: this.deps.faultsFor(input.endpointName).failCreate,
      },
    };
    this.deps.onChange();
    return arn;
  }

  /** The endpoint record as of now, or undefined when SageMaker has none. */
  private current(location: AwsLocation, name: string): SimEndpoint | undefined {
    const key = keyOf(location, name);
    const endpoint = this.state.endpoints[key];
    if (!endpoint) return undefined;
    const before = JSON.stringify(endpoint);
    const presence = advanceEndpoint(endpoint, {
      now: this.deps.now(),
      alarmState: this.deps.alarmState,
      rollbackMs: scaledMs(this.deps.timings, this.deps.timings.rollbackSeconds),
    });
    if (presence === 'gone') delete this.state.endpoints[key];
    if (presence === 'gone' || JSON.stringify(endpoint) !== before) this.deps.onChange();
    return presence === 'gone' ? undefined : endpoint;
  }

  describeEndpoint(location: AwsLocation, name: string): EndpointDescription {
    this.count('DescribeEndpoint');
    this.injected(this.deps.faultsFor(name).describeError);
    const endpoint = this.current(location, name);
    if (!endpoint) throw validation(`${notFoundPrefixes.endpoint} "${arnOf(location, 'endpoint', name)}".`);
    return describeEndpoint(endpoint, {
      now: this.deps.now(),
      configNameWhileUpdating: this.deps.configNameWhileUpdating,
    });
  }

  updateEndpoint(
    location: AwsLocation,
    input: { endpointName: string; endpointConfigName: string; deploymentConfig?: DeploymentConfig },
  ): string {
    this.count('UpdateEndpoint');
    this.injected(this.deps.faultsFor(input.endpointName).updateError);
    const endpoint = this.current(location, input.endpointName);
    if (!endpoint)
      throw validation(`${notFoundPrefixes.endpoint} "${arnOf(location, 'endpoint', input.endpointName)}".`);
    if (modifying.has(endpoint.status) || endpoint.operation) {
      throw validation(`Cannot update in-progress endpoint "${endpoint.arn}".`);
    }
    if (endpoint.status === 'Failed') throw validation(`Cannot update failed endpoint "${endpoint.arn}".`);
    const config = this.config(location, input.endpointConfigName);
    const fleet = retainedFleet(endpoint.fleet, this.fleetOf(location, config));
    assertNotInstancesToServerless(endpoint.arn, endpoint.fleet, fleet);
    validateDeploymentConfig(input.deploymentConfig, endpoint.fleet, fleet);

    const marketplace = config.spec.productionVariants.some(
      (variant) =>
        variant.modelName !== undefined &&
        usesModelPackage(this.state.models[keyOf(location, variant.modelName)]?.spec),
    );
    const guarded = guardrailsApply(fleet, marketplace);
    const rolling = guarded && input.deploymentConfig?.rollingUpdatePolicy !== undefined;
    const timeout = rolling
      ? input.deploymentConfig?.rollingUpdatePolicy?.maximumExecutionTimeoutInSeconds
      : input.deploymentConfig?.blueGreenUpdatePolicy?.maximumExecutionTimeoutInSeconds;
    const now = this.deps.now();
    // failureReason stays until a later update succeeds (docs/ack-behaviour.md §4.4).
    endpoint.status = 'Updating';
    endpoint.lastModifiedAt = now;
    endpoint.operation = {
      kind: 'update',
      startedAt: now,
      configName: config.name,
      fleet,
      stages: rolling
        ? rollingStages(input.deploymentConfig!, fleet, this.deps.timings)
        : blueGreenStages(input.deploymentConfig, fleet, this.deps.timings, guarded),
      deploymentConfig: input.deploymentConfig,
      rolling,
      alarms: guarded
        ? (input.deploymentConfig?.autoRollbackConfiguration?.alarms ?? []).flatMap((a) =>
            a.alarmName ? [a.alarmName] : [],
          )
        : [],
      timeoutMs: guarded && timeout !== undefined ? scaledMs(this.deps.timings, timeout) : undefined,
      faults: this.deps.faultsFor(input.endpointName),
    };
    this.deps.onChange();
    return endpoint.arn;
  }

  deleteEndpoint(location: AwsLocation, name: string): void {
    this.count('DeleteEndpoint');
    const endpoint = this.current(location, name);
    if (!endpoint) throw validation(`${notFoundPrefixes.endpoint} "${arnOf(location, 'endpoint', name)}".`);
    if (endpoint.operation) throw validation(`Cannot delete in-progress endpoint "${endpoint.arn}".`);
    endpoint.status = 'Deleting';
    endpoint.operation = {
      kind: 'delete',
      startedAt: this.deps.now(),
      durationMs: scaledMs(this.deps.timings, this.deps.timings.deleteSeconds),
    };
    this.deps.onChange();
  }

  /** Someone deleted the endpoint in AWS, outside Kubernetes (fault injection). */
  removeEndpointOutOfBand(location: AwsLocation, name: string): boolean {
    const key = keyOf(location, name);
    if (!this.state.endpoints[key]) return false;
    delete this.state.endpoints[key];
    this.deps.onChange();
    return true;
  }
}
