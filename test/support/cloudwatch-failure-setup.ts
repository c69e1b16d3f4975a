// What the tests of a failing CloudWatch share: one located endpoint, an oncall session, and reads of both metrics
// routes. Call it after configureServer: the routes are imported here, so they read the configuration set for them.
import { expect } from 'vitest';
import { endpointMetricsSchema, fleetMetricsSchema, type EndpointMetrics } from '@/lib/api/endpoint-metrics';
import { call, signIn } from './api-client';
import { createLocatedEndpoint } from './cloudwatch-endpoints';
import { freshNamespace, uniqueName } from './control-plane';

export async function cloudWatchFailureSetup(region: string, prefix: string) {
  const metricsRoute = await import('@/app/api/endpoints/[namespace]/[name]/metrics/route');
  const fleetRoute = await import('@/app/api/fleet/metrics/route');
  const me = await import('@/app/api/me/route');
  const session = await import('@/app/api/session/route');

  const name = uniqueName(prefix);
  const namespace = await freshNamespace(`cw-${prefix}`);
  await createLocatedEndpoint(namespace, name, { account: '123456789012', region });
  const { cookie } = await signIn({ session: session.POST, me: me.GET }, 'oncall');

  const readEndpoint = async (): Promise<EndpointMetrics> => {
    const response = await call(metricsRoute.GET, {
      path: `/api/endpoints/${namespace}/${name}/metrics`,
      params: { namespace, name },
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    return endpointMetricsSchema.parse(await response.json());
  };

  return {
    namespace,
    name,
    readEndpoint,
    /** The endpoint's metrics once the route has seen the status patched above (the watch may lag). */
    readEndpointWhenLocated: async () => {
      let body = await readEndpoint();
      for (let tries = 0; body.source.state === 'no-region' && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        body = await readEndpoint();
      }
      return body;
    },
    readFleet: async () => {
      const response = await call(fleetRoute.GET, {
        path: `/api/fleet/metrics?endpoint=${namespace}/${name}`,
        headers: { cookie },
      });
      expect(response.status).toBe(200);
      return fleetMetricsSchema.parse(await response.json());
    },
  };
}
