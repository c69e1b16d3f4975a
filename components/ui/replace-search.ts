/**
 * Replaces the page's query string without a navigation. Next.js syncs useSearchParams with the native
 * history API, so the view updates at once with no server round trip, and window.location is current
 * synchronously: two quick changes cannot overwrite each other, as they could while a router.replace is in flight.
 */
export function replaceSearch(params: URLSearchParams): void {
  const search = params.toString();
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`,
  );
}

/** The query string as it is now, not as the last render saw it. */
export function currentSearch(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}
