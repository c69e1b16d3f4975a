import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

// On globalThis: each route is bundled separately, and the shared watch is started from another bundle, so
// module state would not be one store.
const holder = globalThis as typeof globalThis & { __fleetdeckCorrelation?: AsyncLocalStorage<string> };
const store = () => (holder.__fleetdeckCorrelation ??= new AsyncLocalStorage<string>());

/** Runs `work` with `id` as the correlation id that log lines written during it (and after, by it) carry. */
export const withCorrelationId = <T>(id: string, work: () => T): T => store().run(id, work);

/** The correlation id of the API request being served, or '-' outside one (the shared watch, start-up). */
export const correlationId = (): string => store().getStore() ?? '-';
