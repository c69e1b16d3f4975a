import type { EndpointSummary, VariantView } from '@/lib/api/endpoint-summary';
import { variantImages } from './variant-images';

/** Where an image runs: one variant of one endpoint, in the running fleet or the one being deployed. */
export interface ImagePlacement {
  namespace: string;
  endpoint: string;
  variant: string;
  fleet: 'current' | 'new';
  modelName?: string;
  /**
   * The Model's name comes from the EndpointConfig, which the caller may not read in this namespace: the name is
   * hidden from them, not missing.
   */
  modelHidden?: true;
  /** The digest SageMaker resolved the image to for this variant. */
  resolvedImage?: string;
}

/** An image as Models specify it, with every digest it resolved to and everywhere it runs. */
export interface ImageIndexEntry {
  image: string;
  repository: string;
  tag?: string;
  digest?: string;
  resolvedImages: string[];
  placements: ImagePlacement[];
}

/**
 * The parts of an image reference: `repository[:tag][@digest]`. A colon before the last slash belongs to a
 * registry port (`host:5000/repo`), not a tag.
 */
export function splitImage(image: string): { repository: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const colon = name.lastIndexOf(':');
  const hasTag = colon > name.lastIndexOf('/');
  return {
    repository: hasTag ? name.slice(0, colon) : name,
    ...(hasTag ? { tag: name.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

const fleetOrder = { current: 0, new: 1 } as const;
const comparePlacements = (a: ImagePlacement, b: ImagePlacement) =>
  a.namespace.localeCompare(b.namespace) ||
  a.endpoint.localeCompare(b.endpoint) ||
  a.variant.localeCompare(b.variant) ||
  fleetOrder[a.fleet] - fleetOrder[b.fleet];

/**
 * Every image the fleet runs or is deploying, by the image the Model specifies (a tag SageMaker resolves to a
 * digest when it deploys, so one tag may run as several digests), sorted by image, placements by namespace,
 * endpoint, variant and fleet.
 */
export function imageIndex(summaries: readonly EndpointSummary[]): ImageIndexEntry[] {
  const byImage = new Map<string, { resolved: Set<string>; placements: ImagePlacement[] }>();
  const add = (summary: EndpointSummary, variant: VariantView, fleet: ImagePlacement['fleet']) => {
    const configHidden = summary.omitted?.some((entry) => entry.kind === 'EndpointConfig') ?? false;
    for (const { specifiedImage, resolvedImage } of variantImages(variant)) {
      if (!specifiedImage) continue;
      const entry =
        byImage.get(specifiedImage) ??
        byImage.set(specifiedImage, { resolved: new Set(), placements: [] }).get(specifiedImage)!;
      if (resolvedImage) entry.resolved.add(resolvedImage);
      entry.placements.push({
        namespace: summary.namespace,
        endpoint: summary.name,
        variant: variant.name,
        fleet,
        ...(variant.modelName ? { modelName: variant.modelName } : configHidden ? { modelHidden: true as const } : {}),
        ...(resolvedImage ? { resolvedImage } : {}),
      });
    }
  };
  for (const summary of summaries) {
    for (const variant of summary.variants) add(summary, variant, 'current');
    for (const variant of summary.deployment?.variants ?? []) add(summary, variant, 'new');
  }
  return [...byImage.entries()]
    .map(([image, entry]) => ({
      image,
      ...splitImage(image),
      resolvedImages: [...entry.resolved].sort(),
      placements: entry.placements.sort(comparePlacements),
    }))
    .sort((a, b) => a.image.localeCompare(b.image));
}

/** The namespaces, sorted, whose EndpointConfigs (and so the Models variants run) the caller may not read. */
export function modelsHiddenIn(summaries: readonly EndpointSummary[]): string[] {
  const hidden = summaries.filter((summary) => summary.omitted?.some((entry) => entry.kind === 'EndpointConfig'));
  return [...new Set(hidden.map((summary) => summary.namespace))].sort();
}

/**
 * The entries whose image, a digest, or a model running it contains every word of `query` (case-insensitive):
 * "where is version X running?". An empty query keeps every entry.
 */
export function searchImageIndex(index: readonly ImageIndexEntry[], query: string): ImageIndexEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return index.filter((entry) => {
    const text = [
      entry.image,
      ...entry.resolvedImages,
      ...entry.placements.map((placement) => placement.modelName ?? ''),
    ]
      .join('\n')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
