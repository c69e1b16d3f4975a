import { describe, expect, it } from 'vitest';
import { draftFieldPath } from './draft-field-path';

describe('draftFieldPath', () => {
  it.each<[string, 'config' | 'endpoint', string]>([
    ['spec.productionVariants[1].initialInstanceCount', 'config', 'draft.variants.1.initialInstanceCount'],
    [
      'spec.productionVariants[0].serverlessConfig.memorySizeInMB',
      'config',
      'draft.variants.0.serverlessConfig.memorySizeInMB',
    ],
    [
      'spec.deploymentConfig.blueGreenUpdatePolicy.trafficRoutingConfiguration.type_',
      'endpoint',
      'draft.deploymentConfig.blueGreenUpdatePolicy.trafficRoutingConfiguration.type_',
    ],
    ['spec.deploymentConfig', 'endpoint', 'draft.deploymentConfig'],
    ['metadata.labels', 'config', 'config.metadata.labels'],
    ['spec.kmsKeyID', 'config', 'config.spec.kmsKeyID'],
    ['spec.endpointConfigName', 'endpoint', 'endpoint.spec.endpointConfigName'],
    ['spec.deploymentConfigX', 'endpoint', 'endpoint.spec.deploymentConfigX'],
    ['', 'config', 'config'],
  ])('%s of the %s is %s', (apiPath, written, expected) => {
    expect(draftFieldPath(apiPath, written)).toBe(expected);
  });
});
