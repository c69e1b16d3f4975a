import 'server-only';

/** Who an authenticating proxy says the caller is, or why Fleetdeck will not act on it. */
export type ProxyClaim = { ok: true; user: string; groups: string[] } | { ok: false; reason: string };

export interface ProxyClaimSettings {
  userHeader: string;
  groupsHeader: string;
  /** The `system:` groups a proxy may assert; every other one is refused. */
  allowedSystemGroups: readonly string[];
}

const MAX_NAME_LENGTH = 256;
// Kubernetes reserves the prefix for its own components, service accounts and built-in groups
// (system:masters bypasses RBAC altogether).
const RESERVED_PREFIX = 'system:';

// C0 controls, DEL, and anything an HTTP header cannot carry (beyond Latin-1). C1 code points stay allowed:
// header bytes arrive as Latin-1, so UTF-8 names show up with them.
const unsafeCharacter = (value: string) =>
  [...value].some((char) => {
    const code = char.codePointAt(0)!;
    return code < 0x20 || code === 0x7f || code > 0xff;
  });

// For the log: quoted, cut short, and with DEL and C1 controls escaped too (JSON leaves them raw).
const quoted = (value: string) =>
  JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}...` : value).replace(
    /[\u007f-\u009f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

function problemWith(
  what: 'user' | 'group',
  value: string,
  allowedSystemGroups: readonly string[],
): string | undefined {
  if (value === '') return `an empty ${what}`;
  if (value.length > MAX_NAME_LENGTH) return `a ${what} over ${MAX_NAME_LENGTH} characters`;
  if (unsafeCharacter(value)) return `a ${what} with control characters: ${quoted(value)}`;
  if (value.startsWith(RESERVED_PREFIX) && !(what === 'group' && allowedSystemGroups.includes(value))) {
    return `the reserved ${what} ${quoted(value)}`;
  }
  return undefined;
}

/**
 * Reads the user and groups from the proxy's headers (after its secret was checked). Refused: a missing,
 * empty, over-long or control-character value; any `system:` user; any `system:` group not allowed by
 * the settings; and a user header that arrived twice, which fetch's Headers joins as "a, b", so a proxy
 * that appends instead of replacing cannot let the client's own header ride along.
 */
export function readProxyClaim(headers: Pick<Headers, 'get'>, settings: ProxyClaimSettings): ProxyClaim {
  const rawUser = headers.get(settings.userHeader);
  if (rawUser === null) return { ok: false, reason: 'no user header' };
  const user = rawUser.trim();
  if (user.includes(',')) return { ok: false, reason: `more than one user (a repeated user header?): ${quoted(user)}` };
  const userProblem = problemWith('user', user, settings.allowedSystemGroups);
  if (userProblem) return { ok: false, reason: userProblem };

  const rawGroups = headers.get(settings.groupsHeader)?.trim() ?? '';
  const groups = rawGroups === '' ? [] : rawGroups.split(',').map((group) => group.trim());
  for (const group of groups) {
    const groupProblem = problemWith('group', group, settings.allowedSystemGroups);
    if (groupProblem) return { ok: false, reason: groupProblem };
  }
  return { ok: true, user, groups };
}
