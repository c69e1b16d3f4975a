import 'server-only';
import type { ModelOption } from '@/lib/api/rollout-views';
import { usesModelPackage } from '@/lib/endpoints/status-facts';
import type { Model } from '@/lib/schemas/model';

/** A Model as the rollout form offers it: its SageMaker name, image, and whether it runs a model package. */
export function modelOption(model: Model): ModelOption {
  const containers = [model.spec.primaryContainer, ...(model.spec.containers ?? [])].filter(
    (container) => container !== undefined,
  );
  const image = containers.find((container) => container.image)?.image;
  const modelPackageName = containers.find((container) => container.modelPackageName)?.modelPackageName;
  return {
    name: model.metadata.name,
    modelName: model.spec.modelName,
    ...(image ? { image } : {}),
    ...(modelPackageName ? { modelPackageName } : {}),
    containers: containers.length,
    marketplace: usesModelPackage(model),
  };
}
