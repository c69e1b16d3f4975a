import { describe, expect, it } from 'vitest';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { makeConfig, makeEndpoint, referenceEndpoint, runningVariant, summaryOf } from './fixtures.test-support';
import { imageIndex, modelsHiddenIn, searchImageIndex, splitImage } from './image-index';

const at = (summary: EndpointSummary, namespace: string, name: string): EndpointSummary => ({
  ...summary,
  namespace,
  name,
});
const updating = at(summaryOf(referenceEndpoint('readone/observed/updating_deployment.yaml')), 'team-a', 'xgb');
const fraud = at(
  summaryOf(
    makeEndpoint({
      configName: 'cfg',
      status: {
        endpointStatus: 'InService',
        productionVariants: [
          runningVariant('champion', 2, 'reg/fraud:8'),
          runningVariant('challenger', 1, 'reg/fraud:9'),
        ],
      },
    }),
    [
      makeConfig('cfg', [
        { variant: 'champion', model: 'fraud-8' },
        { variant: 'challenger', model: 'fraud-9' },
      ]),
    ],
  ),
  'team-b',
  'fraud',
);
const fraudEu = at(
  summaryOf(
    makeEndpoint({
      status: {
        endpointStatus: 'InService',
        productionVariants: [
          {
            ...runningVariant('all', 1, 'reg/fraud:9'),
            deployedImages: [{ specifiedImage: 'reg/fraud:9', resolvedImage: 'reg/fraud@sha256:older' }],
          },
        ],
      },
    }),
  ),
  'team-a',
  'fraud-eu',
);

describe('splitImage', () => {
  it.each([
    ['reg/fraud:9', { repository: 'reg/fraud', tag: '9' }],
    ['host:5000/team/fraud', { repository: 'host:5000/team/fraud' }],
    ['host:5000/team/fraud:2026.11.1', { repository: 'host:5000/team/fraud', tag: '2026.11.1' }],
    ['reg/fraud@sha256:abc', { repository: 'reg/fraud', digest: 'sha256:abc' }],
    ['reg/fraud:9@sha256:abc', { repository: 'reg/fraud', tag: '9', digest: 'sha256:abc' }],
  ])('%s', (image, parts) => {
    expect(splitImage(image)).toEqual(parts);
  });
});

describe('imageIndex', () => {
  const index = imageIndex([fraud, updating, fraudEu]);

  it('lists each specified image once, sorted, with its digests and placements', () => {
    expect(index.map((entry) => entry.image)).toEqual([
      '246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.2-1',
      '433757028032.dkr.ecr.us-west-2.amazonaws.com/xgboost:latest',
      'reg/fraud:8',
      'reg/fraud:9',
    ]);
    const nine = index.find((entry) => entry.image === 'reg/fraud:9')!;
    expect(nine).toEqual({
      image: 'reg/fraud:9',
      repository: 'reg/fraud',
      tag: '9',
      resolvedImages: ['reg/fraud@sha256:challenger', 'reg/fraud@sha256:older'],
      placements: [
        {
          namespace: 'team-a',
          endpoint: 'fraud-eu',
          variant: 'all',
          fleet: 'current',
          resolvedImage: 'reg/fraud@sha256:older',
        },
        {
          namespace: 'team-b',
          endpoint: 'fraud',
          variant: 'challenger',
          fleet: 'current',
          modelName: 'fraud-9',
          resolvedImage: 'reg/fraud@sha256:challenger',
        },
      ],
    });
  });

  it('tells the running fleet from the one being deployed (controller fixture)', () => {
    const placements = (image: string) =>
      index
        .find((entry) => entry.image.endsWith(image))
        ?.placements.map((placement) => `${placement.endpoint}/${placement.variant}:${placement.fleet}`);
    expect(placements('xgboost:latest')).toEqual(['xgb/variant-1:current']);
    expect(placements('sagemaker-xgboost:1.2-1')).toEqual(['xgb/variant-1:new']);
  });

  it('lists every image of a multi-container variant', () => {
    const multi = summaryOf(
      makeEndpoint({
        status: {
          endpointStatus: 'InService',
          productionVariants: [
            {
              ...runningVariant('a', 1, 'main:1'),
              deployedImages: [{ specifiedImage: 'main:1' }, { specifiedImage: 'side:1' }],
            },
          ],
        },
      }),
    );
    expect(imageIndex([multi]).map((entry) => entry.image)).toEqual(['main:1', 'side:1']);
  });

  it('is empty for a fleet with no images reported', () => {
    expect(imageIndex([summaryOf(referenceEndpoint('readone/observed/failed_status_on_describe.yaml'))])).toEqual([]);
  });
});

describe('searchImageIndex', () => {
  const index = imageIndex([fraud, updating, fraudEu]);
  it.each([
    ['a tag', 'fraud:9', ['reg/fraud:9']],
    ['a version fragment', '1.2-1', ['246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.2-1']],
    ['a digest prefix', 'sha256:older', ['reg/fraud:9']],
    ['a model name', 'FRAUD-8', ['reg/fraud:8']],
    ['several words, each anywhere', 'reg fraud-9', ['reg/fraud:9']],
    [
      'nothing',
      '',
      [
        '246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.2-1',
        '433757028032.dkr.ecr.us-west-2.amazonaws.com/xgboost:latest',
        'reg/fraud:8',
        'reg/fraud:9',
      ],
    ],
    ['an image that runs nowhere', 'fraud:10', []],
  ])('finds by %s', (_name, query, expected) => {
    expect(searchImageIndex(index, query).map((entry) => entry.image)).toEqual(expected);
  });
});

describe('models the caller may not see', () => {
  const omitted = [
    { kind: 'EndpointConfig' as const, reason: 'You may not list EndpointConfigs in namespace team-b.' },
  ];

  it('marks a placement whose model name comes from an unreadable config as hidden, not missing', () => {
    const withoutConfig = { ...summaryOf(referenceEndpoint('readone/observed/updating_deployment.yaml')), omitted };
    const placements = imageIndex([at(withoutConfig, 'team-b', 'xgb')]).flatMap((entry) => entry.placements);
    expect(placements.length).toBeGreaterThan(0);
    for (const placement of placements) {
      expect(placement.modelName).toBeUndefined();
      expect(placement.modelHidden).toBe(true);
    }
    // A readable config that names no model is just missing a name.
    expect(imageIndex([updating]).flatMap((entry) => entry.placements.map((p) => p.modelHidden))).not.toContain(true);
  });

  it('names the namespaces where that is so', () => {
    expect(modelsHiddenIn([{ ...fraud, omitted }, updating, { ...fraudEu, namespace: 'a', omitted }])).toEqual([
      'a',
      'team-b',
    ]);
    expect(modelsHiddenIn([fraud, updating])).toEqual([]);
  });
});
