/** The annotation kubectl apply keeps a full copy of the object in, secrets and all. */
export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

// Names that hold credentials: environment variables (HF_TOKEN, DB_PASSWORD, AWS_SECRET_ACCESS_KEY),
// annotations and any future field. Identifiers of secrets rather than their values (an ARN, a name, an id)
// are kept, since an operator needs them and they open nothing on their own.
const SECRET_NAME = /secret|passw(or)?d|passphrase|token|credential|private.?key|api.?key|access.?key|session.?key|bearer/i;
// An identifier suffix as a word of its own: secretName, SECRET_NAME, repositoryCredentialsProviderARN,
// AWS_ACCESS_KEY_ID; not the "ID" ending a word such as VALID.
const IDENTIFIER_NAME = /(?:[a-z0-9](?:Arn|ARN|Name|Id|ID|Ref)|[_.\-/](?:arn|ARN|name|NAME|id|ID|ref|REF))$/;
// Values that are credentials whatever their key is called: PEM private keys and AWS access key ids.
const SECRET_VALUE = /-----BEGIN [A-Z ]*PRIVATE KEY-----|\b(AKIA|ASIA)[0-9A-Z]{16}\b/;

/** Whether a property name looks as if its value were a credential. */
export function looksSecret(key: string): boolean {
  return SECRET_NAME.test(key) && !IDENTIFIER_NAME.test(key);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function clean(value: unknown): unknown {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? undefined : value;
  if (Array.isArray(value)) return value.map(clean).filter((item) => item !== undefined);
  if (!isRecord(value)) return value;
  // A {name, value} pair (Kubernetes-style environment lists) is secret when its name is.
  if (typeof value.name === 'string' && 'value' in value && looksSecret(value.name)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (looksSecret(key)) continue;
    const cleaned = clean(item);
    if (cleaned !== undefined) out[key] = cleaned;
  }
  return out;
}

/**
 * A copy of a Kubernetes object fit for a read-only view: without metadata.managedFields, without the
 * last-applied-configuration annotation, and without any property (at any depth) whose name looks like a
 * credential or whose string value is one. The input is not changed.
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
