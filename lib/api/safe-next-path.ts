/**
 * The path to go to after signing in: only a path on this site, never another origin, whatever tricks the
 * value holds (backslashes, tabs, //host). Anything else becomes '/'.
 */
export function safeNextPath(next: string | undefined): string {
  if (!next) return '/';
  try {
    const base = 'http://fleetdeck.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
