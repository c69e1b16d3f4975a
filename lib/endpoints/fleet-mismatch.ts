import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';
import { summarizeEndpoint } from './summarize-endpoint';
import { variantImages } from './variant-images';

type MismatchInput = Pick<
  EndpointSummary,
  'status' | 'deployment' | 'heldBack' | 'controllerError' | 'configName' | 'variants' | 'specVariants'
>;

const list = (items: string[]) => (items.length > 0 ? items.join(', ') : 'none');
function sameSet(a: string[], b: string[]): boolean {
  const left = [...a].sort();
  const right = [...b].sort();
  return left.length === right.length && left.every((item, index) => item === right[index]);
}

/**
 * A warning when an endpoint at rest (InService, no deployment, no controller error, no held-back change) runs a
 * fleet that is not what its spec's EndpointConfig asks for: other variant names, or images other than the
 * Models' (for example a config switched outside Kubernetes, which ACK switches back, docs/ack-behaviour.md §10.5; or a
 * controller that is not running). Undefined when they match or when there is not enough to compare: the
 * config or a Model is not known, or SageMaker reports no images.
 */
export function fleetMismatch(summary: MismatchInput): string | undefined {
  // A failure reason alone does not stop the comparison: it outlives the failed update, and once the spec points
  // back at the live config (no error stands, the controller finds nothing to apply) the fleet should match it
  // (docs/ack-behaviour.md §4.4, §6.3). While the spec still names the failed config, the controller's Terminal
  // error (C6) stands, and that explains the difference.
  if (summary.status !== 'InService' || summary.deployment || summary.controllerError || summary.heldBack)
    return undefined;
  const wanted = summary.specVariants;
  if (!wanted || summary.variants.length === 0) return undefined;

  const running = summary.variants.map((variant) => variant.name);
  const asked = wanted.map((variant) => variant.name);
  if (!sameSet(running, asked)) {
    return `The running variants (${list(running)}) are not the ones ${summary.configName} asks for (${list(asked)}).`;
  }
  const problems = wanted.flatMap((spec) => {
    const variant = summary.variants.find((candidate) => candidate.name === spec.name);
    const deployed = variant
      ? variantImages(variant).flatMap((image) => (image.specifiedImage ? [image.specifiedImage] : []))
      : [];
    if (!spec.images || deployed.length === 0 || sameSet(deployed, spec.images)) return [];
    return [
      `Variant ${spec.name} runs ${list(deployed)}, but ${summary.configName} asks for ${list(spec.images)}${spec.modelName ? ` (model ${spec.modelName})` : ''}.`,
    ];
  });
  return problems.length > 0 ? problems.join(' ') : undefined;
}

/** fleetMismatch for raw objects: the endpoint with the EndpointConfigs and Models of its namespace. */
export function fleetMismatchOf(endpoint: Endpoint, configs: EndpointConfig[], models: Model[]): string | undefined {
  return fleetMismatch(summarizeEndpoint(endpoint, configs, models));
}
