import 'server-only';

// Bearer and basic credentials, JWTs (service account and OIDC tokens) and long hex strings (static tokens,
// session ids) never reach a log line, wherever they appear in the text.
const TOKEN_PATTERN = /((?:bearer|basic)\s+)[\w.~+/=-]+|eyJ[\w-]+\.[\w-]+\.[\w-]+|\b[a-f0-9]{40,}\b/gi;

// A field named like a credential is dropped whole: its value may have any shape.
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|credential|api[-_]?key/i;

export const REDACTED = '[redacted]';

/** The text with anything that looks like a credential replaced by `[redacted]`. */
export const redact = (text: string): string =>
  text.replace(TOKEN_PATTERN, (_match, scheme?: string) => `${scheme ?? ''}${REDACTED}`);

export type LogValue = string | number | boolean | null | undefined;

/** The fields with credential-named ones replaced whole and credential-shaped text redacted in the rest. */
export function redactFields(fields: Record<string, LogValue>): Record<string, LogValue> {
  const out: Record<string, LogValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = SECRET_KEY.test(key) ? REDACTED : typeof value === 'string' ? redact(value) : value;
  }
  return out;
}
