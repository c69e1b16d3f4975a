/** The annotation kubectl apply keeps a full copy of the object in, secrets and all. */
export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

// Names that hold credentials: environment variables (HF_TOKEN, DB_PASSWORD, AWS_SECRET_ACCESS_KEY),
// annotations and any future field. Identifiers of secrets rather than their values (an ARN, a name, an id)
// are kept, since an operator needs them and they open nothing on their own.
const SECRET_NAME =
  /secret|passw(or)?d|passphrase|token|credential|private.?key|api.?key|access.?key|session.?key|bearer/i;
// An identifier suffix as a word of its own: secretName, SECRET_NAME, repositoryCredentialsProviderARN,
// AWS_ACCESS_KEY_ID; not the "ID" ending a word such as VALID.
const IDENTIFIER_NAME = /(?:[a-z0-9](?:Arn|ARN|Name|Id|ID|Ref)|[_.\-/](?:arn|ARN|name|NAME|id|ID|ref|REF))$/;
// Values that are credentials whatever their key is called: PEM private keys and AWS access key ids.
const SECRET_VALUE = /-----BEGIN [A-Z ]*PRIVATE KEY-----|\b(AKIA|ASIA)[0-9A-Z]{16}\b/;

/** Whether a property name looks as if its value were a credential. */
export function looksSecret(key: string): boolean {
  return SECRET_NAME.test(key) && !IDENTIFIER_NAME.test(key);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a container environment value reads as once it has left the server. */
export const redactedValue = '(redacted)';

// A Model container's environment carries tokens and passwords under any name
// (HF_TOKEN, MODEL_KEY, ...), so no value is shown, whatever its name; the names tell what is configured.
const redactedEnvironment = (environment: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(environment).map((name) => [name, redactedValue]));

function redact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(redact);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (!isRecord(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const next = key === 'environment' && isRecord(item) ? redactedEnvironment(item) : redact(item);
    if (next !== item) (out ??= { ...value })[key] = next;
  }
  return out ?? value;
}

/**
 * `value` with every container environment (a property named `environment` holding an object, at any depth)
 * kept by name, each value replaced by `redactedValue`. Parts without one are returned as they were (the same
 * objects); the input is not changed. The server applies it to every object it reads, so values never leave it.
 */
export function redactEnvironment<T>(value: T): T {
  return redact(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? undefined : value;
  if (Array.isArray(value)) return value.map(clean).filter((item) => item !== undefined);
  if (!isRecord(value)) return value;
  // A {name, value} pair (Kubernetes-style environment lists) is secret when its name is.
  if (typeof value.name === 'string' && 'value' in value && looksSecret(value.name)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'environment' && isRecord(item)) {
      out[key] = redactedEnvironment(item);
      continue;
    }
    if (looksSecret(key)) continue;
    const cleaned = clean(item);
    if (cleaned !== undefined) out[key] = cleaned;
  }
  return out;
}

/**
 * A copy of a Kubernetes object fit for a read-only view: without metadata.managedFields, without the
 * last-applied-configuration annotation, with container environments by name only (as redactEnvironment), and
 * without any other property (at any depth) whose name looks like a credential or whose string value is one.
 * The input is not changed.
 */
export function sanitizeObject(object: unknown): unknown {
  if (!isRecord(object) || !isRecord(object.metadata)) return clean(object);
  const metadata = Object.entries(object.metadata).flatMap(([key, value]): [string, unknown][] => {
    if (key === 'managedFields') return [];
    if (key !== 'annotations' || !isRecord(value)) return [[key, value]];
    const kept = Object.entries(value).filter(([name]) => name !== lastAppliedAnnotation);
    return kept.length > 0 ? [[key, Object.fromEntries(kept)]] : [];
  });
  return clean({ ...object, metadata: Object.fromEntries(metadata) });
}
