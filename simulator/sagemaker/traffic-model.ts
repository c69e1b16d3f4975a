import { stageAt } from './deployment-stages';
import {
  latencyHistogram,
  mergeHistograms,
  outcomeHistogram,
  unitNoise,
  wholeCount,
  type Histogram,
} from './traffic-model-distribution';
import type { SimEndpoint, SimVariant, Stage } from './types';

// What SageMaker would publish to CloudWatch for one endpoint over one period, from the simulated state: the
// load split across variants by weight and, during an update, between the old and the new fleet by the share
// of the new fleet the current stage turns on; each fleet's latency and errors from the images it runs.
// Deterministic: the noise comes from a hash of endpoint, variant, fleet and period, so the same state and
// period always give the same numbers (docs/ack-behaviour.md §13.7).

/** How a model image behaves: latency in milliseconds and error rates as fractions of requests (0..1). */
export interface ImageProfile {
  modelLatencyMs: number;
  latencyJitterMs?: number;
  errorRate5xx: number;
  errorRate4xx: number;
}

/** An image nobody described: a healthy model. */
export const defaultImageProfile: ImageProfile = {
  modelLatencyMs: 40,
  latencyJitterMs: 8,
  errorRate5xx: 0.001,
  errorRate4xx: 0.005,
};

// SageMaker's own time per request, around the model's; the same for every image.
const overheadMeanMicros = 2_000;
const overheadJitterMicros = 600;
// Cold starts of a serverless variant, reported as ModelSetupTime.
const setupMeanMicros = 1_500_000;

export interface TrafficInputs {
  requestsPerMinute: number;
  /** The profile of an image reference, or undefined for the default. */
  profileOf: (image: string) => ImageProfile | undefined;
}

export const invocationNamespace = 'AWS/SageMaker';
export const instanceNamespace = '/aws/sagemaker/Endpoints';

/** One metric datum: a namespace, a name, its dimensions, and the period's samples. */
export interface PublishedMetric {
  namespace: string;
  metricName: string;
  unit: 'Count' | 'Microseconds' | 'Percent' | 'None';
  dimensions: Record<string, string>;
  values: number[];
  counts: number[];
}

/** One variant of one fleet as it serves: the share of the endpoint's traffic it gets and its instances. */
export interface ServingVariant {
  variant: SimVariant;
  /** Relative; the endpoint's requests are split in proportion to it across every fleet's variants. */
  trafficWeight: number;
  /** Instances taking traffic; undefined for serverless variants. */
  instances?: number;
}

export interface ServingFleet {
  configName: string;
  variants: ServingVariant[];
}

// The new fleet's share of a variant's traffic in a stage; describe-endpoint.ts reports the same as currentWeight.
const shareOf = (stage: Stage, variantName: string) =>
  stage.trafficShare
    ? (stage.trafficShare[variantName] ?? 0)
    : stage.status === 'Creating' && stage.startMs === 0
      ? 0
      : 1;

const instancesTaking = (variant: SimVariant, fraction: number) =>
  variant.instanceCount === undefined ? undefined : Math.max(1, Math.round(variant.instanceCount * fraction));

const whole = (fleet: SimVariant[], fraction = 1): ServingVariant[] =>
  fleet.map((variant) => ({
    variant,
    trafficWeight: variant.weight,
    instances: instancesTaking(variant, fraction),
  }));

/**
 * The fleets taking traffic at `atMs`. During an update a variant's traffic goes to the new fleet in the
 * share the stage gives and to the old fleet for the rest; a variant only the old config has keeps the part
 * the new fleet has not yet taken on average. Nothing serves while the endpoint is created, deleted or failed.
 */
export function servingFleets(endpoint: SimEndpoint, atMs: number): ServingFleet[] {
  const operation = endpoint.operation;
  if (operation?.kind === 'create' || operation?.kind === 'delete') return [];
  if (operation?.kind === 'rollback') return [{ configName: endpoint.configName, variants: whole(endpoint.fleet) }];
  if (operation?.kind === 'update') {
    const stage = stageAt(operation.stages, atMs - operation.startedAt) ?? operation.stages.at(-1);
    if (!stage) return [{ configName: endpoint.configName, variants: whole(endpoint.fleet) }];
    const newShares = operation.fleet.map((variant) => shareOf(stage, variant.variantName));
    const meanNewShare = newShares.reduce((sum, share) => sum + share, 0) / Math.max(1, newShares.length);
    const oldFleet = endpoint.fleet.map((variant) => {
      const inNew = operation.fleet.some((next) => next.variantName === variant.variantName);
      const left = 1 - (inNew ? shareOf(stage, variant.variantName) : meanNewShare);
      const fraction = Math.min(stage.oldFleetFraction, left);
      return { variant, trafficWeight: variant.weight * left, instances: instancesTaking(variant, fraction) };
    });
    const newFleet = operation.fleet.map((variant) => {
      const share = shareOf(stage, variant.variantName);
      const old = endpoint.fleet.find((previous) => previous.variantName === variant.variantName);
      return {
        variant,
        trafficWeight: (old?.weight ?? variant.weight) * share,
        instances: instancesTaking(variant, share),
      };
    });
    return [
      { configName: endpoint.configName, variants: oldFleet.filter((serving) => serving.trafficWeight > 0) },
      { configName: operation.configName, variants: newFleet.filter((serving) => serving.trafficWeight > 0) },
    ].filter((fleet) => fleet.variants.length > 0);
  }
  if (endpoint.status === 'Failed' || endpoint.status === 'OutOfService' || endpoint.status === 'Creating') return [];
  return [{ configName: endpoint.configName, variants: whole(endpoint.fleet, endpoint.fleetFraction ?? 1) }];
}

/** A variant's images behave as one: latencies add up (containers in series), errors of any one fail a request. */
export function variantProfile(variant: SimVariant, profileOf: TrafficInputs['profileOf']): ImageProfile {
  const profiles = variant.images.map(
    (image) => profileOf(image.specifiedImage) ?? profileOf(image.resolvedImage) ?? defaultImageProfile,
  );
  if (profiles.length === 0) return defaultImageProfile;
  const survive = (rate: (profile: ImageProfile) => number) =>
    profiles.reduce((odds, profile) => odds * (1 - rate(profile)), 1);
  return {
    modelLatencyMs: profiles.reduce((sum, profile) => sum + profile.modelLatencyMs, 0),
    latencyJitterMs: Math.sqrt(
      profiles.reduce((sum, profile) => sum + (profile.latencyJitterMs ?? profile.modelLatencyMs * 0.2) ** 2, 0),
    ),
    errorRate5xx: 1 - survive((profile) => profile.errorRate5xx),
    errorRate4xx: 1 - survive((profile) => profile.errorRate4xx),
  };
}

/** One variant of one fleet over the period. */
interface FleetVariantSamples {
  variantName: string;
  configName: string;
  serverless: boolean;
  instances?: number;
  requests: number;
  errors4xx: Histogram;
  errors5xx: Histogram;
  modelLatency: Histogram;
  overheadLatency: Histogram;
  perInstance?: Histogram;
  busy: number;
}

function samplesOf(
  endpoint: SimEndpoint,
  serving: ServingVariant,
  configName: string,
  expectedRequests: number,
  startMs: number,
  periodSeconds: number,
  inputs: TrafficInputs,
): FleetVariantSamples {
  const { variant, instances } = serving;
  const noise = (what: string) => unitNoise(endpoint.arn, variant.variantName, configName, startMs, what);
  const profile = variantProfile(variant, inputs.profileOf);
  const requests = wholeCount(expectedRequests, noise('requests'));
  const errors5xx = Math.min(requests, wholeCount(requests * profile.errorRate5xx, noise('5xx')));
  const errors4xx = Math.min(requests - errors5xx, wholeCount(requests * profile.errorRate4xx, noise('4xx')));
  const latencyMicros = profile.modelLatencyMs * 1000 * (0.95 + 0.1 * noise('latency'));
  const jitterMicros = (profile.latencyJitterMs ?? profile.modelLatencyMs * 0.2) * 1000;
  return {
    variantName: variant.variantName,
    configName,
    serverless: variant.serverless !== undefined,
    instances,
    requests,
    errors4xx: outcomeHistogram(requests, errors4xx),
    errors5xx: outcomeHistogram(requests, errors5xx),
    modelLatency: latencyHistogram(requests, latencyMicros, jitterMicros),
    overheadLatency: latencyHistogram(requests, overheadMeanMicros, overheadJitterMicros),
    // SageMaker sends 1/instances with every request, so the Sum is the requests each instance took.
    perInstance: instances !== undefined && requests > 0 ? { values: [1 / instances], counts: [requests] } : undefined,
    // Seconds of model time per second of each instance (or of the serverless capacity), for CPU and memory.
    busy: (requests * latencyMicros) / 1e6 / periodSeconds / (instances ?? 1),
  };
}

const invocationMetrics: {
  metricName: string;
  unit: PublishedMetric['unit'];
  of: (samples: FleetVariantSamples) => Histogram | undefined;
}[] = [
  // Invocations carries 1 per request; the error metrics 1 per failed request and 0 per other, so their
  // Average is the error rate and their Sum the count.
  { metricName: 'Invocations', unit: 'Count', of: (samples) => ({ values: [1], counts: [samples.requests] }) },
  { metricName: 'Invocation4XXErrors', unit: 'Count', of: (samples) => samples.errors4xx },
  { metricName: 'Invocation5XXErrors', unit: 'Count', of: (samples) => samples.errors5xx },
  { metricName: 'ModelLatency', unit: 'Microseconds', of: (samples) => samples.modelLatency },
  { metricName: 'OverheadLatency', unit: 'Microseconds', of: (samples) => samples.overheadLatency },
  { metricName: 'InvocationsPerInstance', unit: 'None', of: (samples) => samples.perInstance },
];

function invocationData(dimensions: Record<string, string>, group: FleetVariantSamples[]): PublishedMetric[] {
  if (group.every((samples) => samples.requests === 0)) return [];
  return invocationMetrics.flatMap(({ metricName, unit, of }) => {
    const parts = group.filter((samples) => samples.requests > 0).map(of);
    if (parts.some((part) => part === undefined)) return [];
    const merged = (parts as Histogram[]).reduce(mergeHistograms);
    if (merged.values.length === 0) return [];
    return [{ namespace: invocationNamespace, metricName, unit, dimensions, ...merged }];
  });
}

/** CPU and memory per variant (all of its instances, either fleet), or memory and setup time when serverless. */
function instanceData(
  endpoint: SimEndpoint,
  variantName: string,
  group: FleetVariantSamples[],
  startMs: number,
): PublishedMetric[] {
  const dimensions = { EndpointName: endpoint.name, VariantName: variantName };
  const noise = (what: string) => unitNoise(endpoint.arn, variantName, startMs, what);
  const single = (namespace: string, metricName: string, unit: PublishedMetric['unit'], value: number) => ({
    namespace,
    metricName,
    unit,
    dimensions,
    values: [Math.round(value * 100) / 100],
    counts: [1],
  });
  const instances = group.reduce((sum, samples) => sum + (samples.instances ?? 0), 0);
  const busy =
    group.reduce((sum, samples) => sum + samples.busy * (samples.instances ?? 1), 0) / Math.max(1, instances);
  const memory = 30 + 20 * Math.min(1, busy) + 4 * noise('memory');
  if (group.every((samples) => samples.serverless)) {
    const requests = group.reduce((sum, samples) => sum + samples.requests, 0);
    if (requests === 0) return [];
    return [
      single(instanceNamespace, 'MemoryUtilization', 'Percent', memory),
      single(invocationNamespace, 'ModelSetupTime', 'Microseconds', setupMeanMicros * (0.8 + 0.4 * noise('setup'))),
    ];
  }
  return [
    // Summed over cores, so a busy instance passes 100.
    single(instanceNamespace, 'CPUUtilization', 'Percent', 4 + 100 * busy + 3 * noise('cpu')),
    single(instanceNamespace, 'MemoryUtilization', 'Percent', memory),
  ];
}

/**
 * The metrics SageMaker publishes for an endpoint over [startMs, startMs + periodSeconds): every invocation
 * metric per variant with both fleets mixed ({EndpointName, VariantName}) and per fleet ({EndpointName,
 * VariantName, EndpointConfigName}), then the instance metrics per variant. Empty when nothing serves.
 */
export function periodMetrics(
  endpoint: SimEndpoint,
  startMs: number,
  periodSeconds: number,
  inputs: TrafficInputs,
): PublishedMetric[] {
  const fleets = servingFleets(endpoint, startMs + (periodSeconds * 1000) / 2);
  const totalWeight = fleets.reduce(
    (sum, fleet) => sum + fleet.variants.reduce((inner, serving) => inner + serving.trafficWeight, 0),
    0,
  );
  if (totalWeight <= 0) return [];
  const load =
    ((inputs.requestsPerMinute * periodSeconds) / 60) * (0.9 + 0.2 * unitNoise(endpoint.arn, startMs, 'load'));
  const samples = fleets.flatMap((fleet) =>
    fleet.variants.map((serving) =>
      samplesOf(
        endpoint,
        serving,
        fleet.configName,
        (load * serving.trafficWeight) / totalWeight,
        startMs,
        periodSeconds,
        inputs,
      ),
    ),
  );
  const variantNames = [...new Set(samples.map((sample) => sample.variantName))];
  return variantNames.flatMap((variantName) => {
    const group = samples.filter((sample) => sample.variantName === variantName);
    const mixed = { EndpointName: endpoint.name, VariantName: variantName };
    return [
      ...invocationData(mixed, group),
      ...group.flatMap((sample) => invocationData({ ...mixed, EndpointConfigName: sample.configName }, [sample])),
      ...instanceData(endpoint, variantName, group, startMs),
    ];
  });
}
