import { fleetStore } from '@/lib/server/k8s/fleet-store';
import { publicRoute } from '@/lib/server/http/route';
import { eventLoopDelayP99Ms } from '@/lib/server/metrics/event-loop';
import { streamHub } from '@/lib/server/stream/stream-hub';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Liveness, and whether the cluster answers. Says nothing about any endpoint, so anyone may ask. */
export const GET = publicRoute(async () => {
  const store = fleetStore();
  return {
    status: 'ok',
    cluster: {
      reachable: store.probe.reachable,
      lastContactAt: store.probe.lastContactAt ? new Date(store.probe.lastContactAt).toISOString() : null,
      synced: store.endpoints.hasSynced,
    },
    // How many live streams this server holds: lets operators (and the benchmarks) see that closed ones go.
    streams: streamHub().subscriberCount,
    eventLoopDelayP99Ms: eventLoopDelayP99Ms(),
    memory: { rssMiB: mib(process.memoryUsage().rss), heapUsedMiB: mib(process.memoryUsage().heapUsed) },
  };
});

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
