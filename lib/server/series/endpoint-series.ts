import 'server-only';
import type { EndpointSeries } from '@/lib/api/endpoint-series';
import { seriesSample } from '@/lib/endpoints/series-sample';
import { seriesView } from '@/lib/endpoints/series-view';
import type { Identity } from '../auth/identity';
import { readableEndpoint } from '../fleet/readable-endpoint';
import { seriesRecorder } from './series-recorder';

/**
 * One endpoint's recent traffic split and instance counts, as this replica recorded them. The caller's right
 * to get Endpoints in the namespace is checked first, so a refusal is the same whether or not it exists.
 */
export async function endpointSeries(identity: Identity, namespace: string, name: string): Promise<EndpointSeries> {
  const recorder = seriesRecorder();
  const { endpoint } = await readableEndpoint(identity, namespace, name);
  const now = Date.now();
  const recorded = recorder.points(namespace, name, now);
  // The recorder and the cache change on the same watch event, so the series exists; were it ever missing,
  // the state now is still a true one-point series.
  return seriesView(namespace, name, recorded.length > 0 ? recorded : [{ at: now, ...seriesSample(endpoint) }], now);
}
