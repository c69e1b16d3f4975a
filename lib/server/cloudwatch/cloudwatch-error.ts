import 'server-only';

/**
 * What the pages show when CloudWatch could not be read: the AWS (or network) error code and a fixed sentence for
 * it. AWS's own message names account ids, ARNs and request ids, so it stays in the server's log (`detail`).
 */
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
  $fault?: unknown;
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

const genericNames = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'AggregateError']);

/** The SDK's errors for credentials it could not find or load (the default chain, IRSA, Pod Identity). */
const credentialErrorNames = new Set(['CredentialsProviderError', 'ProviderError', 'TokenProviderError']);

const refusedCredentials = new Set([
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSignatureException',
  ...credentialErrorNames,
]);
const denied = new Set(['AccessDenied', 'AccessDeniedException']);
const invalid = new Set([
  'ValidationError',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'MissingParameter',
]);
const throttled = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException']);

/** The sentence the pages show for a code: what it means for Fleetdeck and where to look, never AWS's text. */
export function failureMessage(code: string): string {
  if (denied.has(code)) {
    return 'Fleetdeck’s AWS identity may not read CloudWatch metrics or alarms (cloudwatch:GetMetricData, DescribeAlarms, DescribeAlarmHistory).';
  }
  if (refusedCredentials.has(code)) {
    return `CloudWatch did not accept Fleetdeck’s AWS credentials (${code}): check the identity the server runs as (IRSA, EKS Pod Identity or its environment) and its clock.`;
  }
  if (/^E[A-Z_]+$/.test(code)) return `CloudWatch could not be reached (${code}).`;
  if (invalid.has(code))
    return `CloudWatch refused Fleetdeck’s request as not valid (${code}); the server’s log has the details.`;
  if (throttled.has(code))
    return `CloudWatch is throttling Fleetdeck’s reads (${code}); they are tried again in a few seconds.`;
  return `CloudWatch could not be read (${code}); the server’s log has the details.`;
}

/**
 * Fleetdeck could not assume the role FLEETDECK_CLOUDWATCH_ROLES names for an owner account, so nothing was asked of
 * that account's CloudWatch. `code` is STS's (or the network's); the message, for the log, carries STS's own text.
 */
export class AssumeRoleFailure extends Error {
  override readonly name = 'AssumeRoleFailure';

  constructor(
    readonly roleArn: string,
    readonly account: string,
    readonly code: string,
    detail: string,
  ) {
    super(`AssumeRole ${roleArn}: ${detail}`);
  }
}

/** The sentence the pages show when the role for an account could not be assumed: which role, and what to fix. */
export function assumeRoleMessage(code: string, roleArn: string, account: string): string {
  const role = `${roleArn}, the role FLEETDECK_CLOUDWATCH_ROLES names for account ${account}`;
  if (denied.has(code)) {
    return `Fleetdeck may not assume ${role} (${code}): the role’s trust policy must allow Fleetdeck’s own AWS identity (its IRSA or EKS Pod Identity role) to call sts:AssumeRole.`;
  }
  if (refusedCredentials.has(code)) {
    return `STS did not accept Fleetdeck’s AWS credentials (${code}) to assume ${role}: check the identity the server runs as and its clock.`;
  }
  if (/^E[A-Z_]+$/.test(code)) return `STS could not be reached (${code}) to assume ${role}.`;
  return `Fleetdeck could not assume ${role} (${code}); the server’s log has the details.`;
}

/**
 * The failure of a call to CloudWatch: the service's error code when CloudWatch answered (AccessDenied,
 * SignatureDoesNotMatch, ExpiredToken...), the system code when it could not be reached (ECONNREFUSED,
 * ETIMEDOUT...), the SDK's error when it found no credentials, STS's when an account's role could not be assumed.
 * Undefined for anything else (a bug of ours, say): that is not CloudWatch's failure and must not be shown as one.
 */
export function cloudWatchFailure(error: unknown): (CloudWatchFailure & { detail: string }) | undefined {
  if (error instanceof AssumeRoleFailure) {
    return {
      code: error.code,
      message: assumeRoleMessage(error.code, error.roleArn, error.account),
      detail: error.message,
    };
  }
  if (typeof error !== 'object' || error === null) return undefined;
  const like = error as ErrorLike;
  const name = text(like.name);
  const detail = text(like.message) ?? name ?? 'no message';
  const failure = (code: string) => ({ code, message: failureMessage(code), detail });
  // A service exception carries the fault (client or server) of an answer CloudWatch sent.
  const answered = (like.$fault === 'client' || like.$fault === 'server') && like.$metadata !== undefined;
  if (answered && name && !genericNames.has(name)) return failure(name);
  const code = systemCode(like);
  if (code) return failure(code);
  if (name === 'TimeoutError') return failure('ETIMEDOUT');
  if (name && credentialErrorNames.has(name)) return failure(name);
  if (answered) return failure('Unknown');
  return undefined;
}
