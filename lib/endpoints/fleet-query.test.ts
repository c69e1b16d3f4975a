import { describe, expect, it } from 'vitest';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import {
  applyFleetQuery,
  defaultFleetQuery,
  type FleetQuery,
  fleetQueryToSearchParams,
  matchesFleetQuery,
  parseFleetQuery,
} from './fleet-query';
import { makeEndpoint, referenceEndpoint, runningVariant, summaryOf } from './fixtures.test-support';

const query = (overrides: Partial<FleetQuery>): FleetQuery => ({ ...defaultFleetQuery, ...overrides });
const at = (
  summary: EndpointSummary,
  namespace: string,
  name: string,
  extra: Partial<EndpointSummary> = {},
): EndpointSummary => ({ ...summary, namespace, name, ...extra });

const healthy = summaryOf(referenceEndpoint('readone/observed/inservice_no_failure_after_describe.yaml'));
const failed = summaryOf(referenceEndpoint('readone/observed/failed_status_on_describe.yaml'));
const updating = summaryOf(referenceEndpoint('readone/observed/updating_deployment.yaml'));
const pending = summaryOf(makeEndpoint({ configName: 'fresh-config' }));
const fraud = summaryOf(
  makeEndpoint({
    configName: 'fraud-v8',
    status: {
      endpointStatus: 'InService',
      productionVariants: [
        runningVariant('champion', 5, 'acct.dkr.ecr/fraud:8', 9),
        runningVariant('challenger', 1, 'acct.dkr.ecr/fraud:9', 1),
      ],
    },
  }),
);
const fleet = [
  at(healthy, 'team-b', 'search', { lastChange: '2026-02-01T00:00:00Z', createdAt: '2025-01-01T00:00:00Z' }),
  at(failed, 'team-a', 'tagger', { lastChange: '2026-02-03T00:00:00Z', createdAt: '2026-02-03T00:00:00Z' }),
  at(updating, 'team-a', 'ranking', { lastChange: '2026-02-02T00:00:00Z', createdAt: '2025-06-01T00:00:00Z' }),
  at(pending, 'team-c', 'new', { lastChange: undefined, createdAt: undefined }),
  at(fraud, 'team-b', 'fraud', { lastChange: '2026-01-01T00:00:00Z', createdAt: '2024-01-01T00:00:00Z' }),
];
const names = (summaries: EndpointSummary[]) => summaries.map((summary) => summary.name);

describe('parseFleetQuery', () => {
  it.each([
    ['', defaultFleetQuery],
    ['q=+fraud++blue+&sort=health&dir=desc', query({ q: 'fraud  blue', sort: 'health', direction: 'desc' })],
    ['namespace=team-a&namespace=team-b,team-a', query({ namespaces: ['team-a', 'team-b'] })],
    ['status=Failed,Updating&status=Pending', query({ statuses: ['Failed', 'Updating', 'Pending'] })],
    ['health=critical&health=warning', query({ health: ['critical', 'warning'] })],
  ])('reads %j', (search, expected) => {
    expect(parseFleetQuery(new URLSearchParams(search))).toEqual(expected);
  });

  it.each([
    ['an unknown sort and direction', 'sort=price&dir=sideways'],
    ['a namespace that is not a DNS label', 'namespace=Team_A&namespace=-x&namespace=' + 'a'.repeat(64)],
    ['a status with punctuation', 'status=%3Cscript%3E&status=In%20Service'],
    ['an unknown health level', 'health=fine&health=CRITICAL'],
    ['empty values', 'namespace=&status=,&health='],
  ])('drops %s without throwing', (_name, search) => {
    expect(parseFleetQuery(new URLSearchParams(search))).toEqual(defaultFleetQuery);
  });

  it('caps the search text', () => {
    expect(parseFleetQuery(new URLSearchParams({ q: 'x'.repeat(1000) })).q).toHaveLength(200);
  });
});

describe('fleetQueryToSearchParams', () => {
  it('leaves out defaults', () => {
    expect(fleetQueryToSearchParams(defaultFleetQuery).toString()).toBe('');
  });

  it('round-trips through parseFleetQuery', () => {
    const full = query({
      q: 'fraud blue',
      namespaces: ['team-a', 'team-b'],
      statuses: ['Failed', 'Pending'],
      health: ['critical'],
      sort: 'lastChange',
      direction: 'desc',
    });
    const search = fleetQueryToSearchParams(full).toString();
    expect(search).toBe(
      'q=fraud+blue&namespace=team-a&namespace=team-b&status=Failed&status=Pending&health=critical&sort=lastChange&dir=desc',
    );
    expect(parseFleetQuery(new URLSearchParams(search))).toEqual(full);
  });
});

describe('matchesFleetQuery', () => {
  it.each([
    ['the namespace/name form', 'team-b/fraud', ['fraud']],
    ['a config name, any case', 'FRAUD-V8', ['fraud']],
    ['a variant name', 'challenger', ['fraud']],
    ['an image tag', 'fraud:9', ['fraud']],
    ['an instance type of the deployment', 'm5.xlarge', ['ranking']],
    ['a failure reason', 'download model data', ['tagger']],
    ['every word, wherever it is', 'team-b xgboost', ['search']],
    ['words that match no one endpoint together', 'tagger challenger', []],
    ['"Pending" for an endpoint with no status', 'pending', ['new']],
  ])('searches %s', (_name, q, expected) => {
    expect(names(fleet.filter((summary) => matchesFleetQuery(summary, query({ q }))))).toEqual(expected);
  });

  it.each([
    ['namespaces', query({ namespaces: ['team-a'] }), ['tagger', 'ranking']],
    ['statuses, Pending for none reported', query({ statuses: ['Failed', 'Pending'] }), ['tagger', 'new']],
    ['health levels', query({ health: ['healthy'] }), ['search', 'fraud']],
    ['all filters together', query({ namespaces: ['team-b'], health: ['healthy'], q: 'champion' }), ['fraud']],
  ])('filters by %s', (_name, filter, expected) => {
    expect(names(fleet.filter((summary) => matchesFleetQuery(summary, filter)))).toEqual(expected);
  });
});

describe('applyFleetQuery', () => {
  it.each([
    ['name', 'asc', ['fraud', 'new', 'ranking', 'search', 'tagger']],
    ['name', 'desc', ['tagger', 'search', 'ranking', 'new', 'fraud']],
    ['namespace', 'asc', ['ranking', 'tagger', 'fraud', 'search', 'new']],
    ['health', 'asc', ['tagger', 'ranking', 'new', 'fraud', 'search']],
    ['status', 'asc', ['tagger', 'fraud', 'search', 'ranking', 'new']],
    ['instances', 'desc', ['fraud', 'ranking', 'search', 'tagger', 'new']],
    ['lastChange', 'desc', ['tagger', 'ranking', 'search', 'fraud', 'new']],
    ['age', 'asc', ['tagger', 'ranking', 'search', 'fraud', 'new']],
    ['config', 'asc', ['fraud', 'new', 'tagger', 'search', 'ranking']],
  ] as const)('sorts by %s %s, missing values last', (sort, direction, expected) => {
    expect(names(applyFleetQuery(fleet, query({ sort, direction })))).toEqual(expected);
  });

  it('never reorders or changes its input', () => {
    const input = Object.freeze([...fleet]);
    const before = JSON.stringify(input);
    const result = applyFleetQuery(input, query({ sort: 'name', direction: 'desc' }));
    expect(JSON.stringify(input)).toBe(before);
    expect(result).not.toBe(input);
  });
});
