import 'server-only';

/** What the pages show when CloudWatch could not be read: the AWS (or network) error code and its message. */
export interface CloudWatchFailure {
  code: string;
  message: string;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  $metadata?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

// A refused connection reaches us as a system error, maybe wrapped in a cause or (happy eyeballs trying several
// addresses) an AggregateError: its code is what an operator can act on.
function systemCode(error: ErrorLike, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  const code = text(error.code);
  if (code && /^E[A-Z_]+$/.test(code)) return code;
  if (error.cause && typeof error.cause === 'object') {
    const inner = systemCode(error.cause as ErrorLike, depth + 1);
    if (inner) return inner;
  }
  if (Array.isArray(error.errors)) {
    for (const each of error.errors) {
      const inner = each && typeof each === 'object' ? systemCode(each as ErrorLike, depth + 1) : undefined;
      if (inner) return inner;
    }
  }
  return undefined;
}

const genericNames = new Set(['Error', 'TypeError', 'AggregateError', 'UnknownError']);

/**
 * The code and message of a failed CloudWatch call: the service's error code when CloudWatch answered
 * (AccessDenied, SignatureDoesNotMatch, ExpiredToken...), the system code when it could not be reached
 * (ECONNREFUSED, ETIMEDOUT...), CredentialsProviderError when the SDK found no credentials.
 */
export function cloudWatchFailure(error: unknown): CloudWatchFailure {
  if (typeof error !== 'object' || error === null) return { code: 'Unknown', message: String(error) };
  const like = error as ErrorLike;
  const name = text(like.name);
  const message = text(like.message) ?? 'CloudWatch could not be read.';
  const answered = like.$metadata !== undefined && name !== undefined && !genericNames.has(name);
  if (answered && name !== 'TimeoutError') return { code: name, message };
  const code = systemCode(like);
  if (code) return { code, message };
  if (name && !genericNames.has(name)) return { code: name, message };
  return { code: 'Unknown', message };
}
