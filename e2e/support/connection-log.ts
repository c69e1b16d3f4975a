// What the live badge said and when, recorded in the page itself: Playwright's polling would miss a state
// that lasts less than its interval (a failover takes a fraction of a second).
import type { BrowserContext, Page } from '@playwright/test';

export interface ConnectionChange {
  /** Date.now() in the page: the same clock as the spec's on one machine. */
  at: number;
  connection: string;
  staleBanner: boolean;
}

/** From now on, every page of `context` records each change of its live badge and stale banner. */
export async function recordConnection(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const log: { at: number; connection: string; staleBanner: boolean }[] = [];
    (window as unknown as { __connectionLog: typeof log }).__connectionLog = log;
    let last = '';
    const sample = () => {
      const connection =
        document.querySelector('[data-testid="live-badge"]')?.getAttribute('data-connection') ?? 'none';
      const staleBanner = document.querySelector('[data-testid="stale-banner"]') !== null;
      const key = `${connection}/${staleBanner}`;
      if (key !== last) log.push({ at: Date.now(), connection, staleBanner });
      last = key;
    };
    new MutationObserver(sample).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

/** The changes recorded in `page` since it loaded. */
export function connectionLog(page: Page): Promise<ConnectionChange[]> {
  return page.evaluate(() => (window as unknown as { __connectionLog?: ConnectionChange[] }).__connectionLog ?? []);
}

/** When the page was live again after `since` following a loss; undefined while it is not. */
export function liveAgainAt(log: ConnectionChange[], since: number): number | undefined {
  const after = log.filter((change) => change.at >= since);
  const lost = after.findIndex((change) => change.connection !== 'live');
  if (lost < 0) return undefined;
  return after.slice(lost).find((change) => change.connection === 'live')?.at;
}
