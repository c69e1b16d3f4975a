// Signature Version 4, checked the way AWS's front end checks it for CloudWatch: the request is rebuilt into its
// canonical form from what arrived, signed again with the secret the access key maps to, and compared. Written on
// node:crypto alone so that a request the SDK's signer gets wrong is refused here too, rather than agreed with by
// the same code. Only header-signed requests are accepted: the SDK never presigns CloudWatch calls.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { CloudWatchError } from './errors';

export interface SignedRequest {
  method: string;
  /** The request target as it arrived: the path and the query string, still percent-encoded. */
  url: string;
  /** Header names in lower case; a header sent more than once has each of its values. */
  headers: Record<string, string[] | undefined>;
  /** The body's bytes as sent, before any Content-Encoding is undone: that is what the client hashed. */
  body: Buffer;
}

export interface SigningCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface VerifyOptions<C extends SigningCredential> {
  region: string;
  /** The signing name: CloudWatch's is `monitoring`. */
  service: string;
  now: Date;
  credentialFor: (accessKeyId: string) => C | undefined;
}

const algorithm = 'AWS4-HMAC-SHA256';
/** How far a request's date may be from the server's clock either way. */
export const allowedSkewMs = 15 * 60 * 1000;

export interface AuthorizationParts {
  algorithm: string;
  credential?: string;
  signedHeaders?: string;
  signature?: string;
}

/** The Authorization header's parts, or undefined when there is no header at all. */
export function parseAuthorization(header: string | undefined): AuthorizationParts | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const parts: AuthorizationParts = { algorithm: space < 0 ? trimmed : trimmed.slice(0, space) };
  for (const field of (space < 0 ? '' : trimmed.slice(space + 1)).split(',')) {
    const equals = field.indexOf('=');
    if (equals < 0) continue;
    const name = field.slice(0, equals).trim();
    const value = field.slice(equals + 1).trim();
    if (name === 'Credential') parts.credential = value;
    else if (name === 'SignedHeaders') parts.signedHeaders = value;
    else if (name === 'Signature') parts.signature = value;
  }
  return parts;
}

/** The credential that signed the request; throws the CloudWatchError AWS would answer with otherwise. */
export function verifySigV4<C extends SigningCredential>(request: SignedRequest, options: VerifyOptions<C>): C {
  const header = request.headers.authorization?.[0];
  const auth = parseAuthorization(header);
  if (!auth) {
    if (new URL(request.url, 'http://host').searchParams.has('X-Amz-Signature')) {
      throw new CloudWatchError(
        'IncompleteSignature',
        'The simulated CloudWatch accepts only requests signed in the Authorization header.',
      );
    }
    throw new CloudWatchError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  }
  if (auth.algorithm !== algorithm) {
    throw new CloudWatchError('IncompleteSignature', `Unsupported AWS 'algorithm': '${auth.algorithm}'`);
  }
  const amzDate = first(request.headers['x-amz-date']) ?? isoBasicFromHttpDate(first(request.headers.date));
  const missing = [
    auth.credential ? '' : "Authorization header requires 'Credential' parameter.",
    auth.signature ? '' : "Authorization header requires 'Signature' parameter.",
    auth.signedHeaders ? '' : "Authorization header requires 'SignedHeaders' parameter.",
    amzDate ? '' : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  ].filter(Boolean);
  if (missing.length > 0 || !auth.credential || !auth.signature || !auth.signedHeaders || !amzDate) {
    throw new CloudWatchError('IncompleteSignature', `${missing.join(' ')} Authorization=${header}`);
  }
  const requestTime = parseIsoBasic(amzDate);
  if (!requestTime) {
    throw new CloudWatchError(
      'IncompleteSignature',
      `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  const scope = auth.credential.split('/');
  if (scope.length !== 5) {
    throw new CloudWatchError(
      'IncompleteSignature',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${auth.credential}'`,
    );
  }
  const [accessKeyId = '', scopeDate = '', scopeRegion = '', scopeService = '', terminator = ''] = scope;

  const credential = options.credentialFor(accessKeyId);
  if (!credential) {
    throw new CloudWatchError('InvalidClientTokenId', 'The security token included in the request is invalid.');
  }
  if (!sameSecret(first(request.headers['x-amz-security-token']), credential.sessionToken)) {
    throw new CloudWatchError('InvalidClientTokenId', 'The security token included in the request is invalid.');
  }
  if (scopeDate !== amzDate.slice(0, 8)) {
    throw new CloudWatchError(
      'SignatureDoesNotMatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (scopeRegion !== options.region) {
    throw new CloudWatchError(
      'SignatureDoesNotMatch',
      `Credential should be scoped to a valid region, not '${scopeRegion}'.`,
    );
  }
  if (scopeService !== options.service) {
    throw new CloudWatchError(
      'SignatureDoesNotMatch',
      `Credential should be scoped to correct service: '${options.service}'.`,
    );
  }
  if (terminator !== 'aws4_request') {
    throw new CloudWatchError(
      'SignatureDoesNotMatch',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`,
    );
  }
  const signedHeaders = auth.signedHeaders.split(';');
  if (!signedHeaders.includes('host')) {
    throw new CloudWatchError(
      'IncompleteSignature',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  checkSignedHeaderList(signedHeaders, auth.signedHeaders);
  checkHeadersSigned(request.headers, signedHeaders);
  checkSkew(amzDate, requestTime, options.now);
  // Services other than S3 hash the body themselves; a client's own claim of the hash must agree with it.
  const claimedHash = first(request.headers['x-amz-content-sha256']);
  if (claimedHash !== undefined && claimedHash.toLowerCase() !== sha256Hex(request.body)) {
    throw new CloudWatchError(
      'SignatureDoesNotMatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }

  const canonical = canonicalRequest(request, signedHeaders);
  const credentialScope = `${scopeDate}/${scopeRegion}/${scopeService}/aws4_request`;
  const stringToSign = [algorithm, amzDate, credentialScope, sha256Hex(canonical)].join('\n');
  const expected = signature(credential.secretAccessKey, scopeDate, scopeRegion, scopeService, stringToSign);
  if (!sameHex(expected, auth.signature)) {
    throw new CloudWatchError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return credential;
}

// The canonical request lists header names lower case, sorted and once each; a list in another form cannot be the
// one the client signed, so it is refused as malformed rather than left to fail as a mismatch.
function checkSignedHeaderList(signedHeaders: string[], raw: string) {
  const wellFormed = signedHeaders.every(
    (name, index) => name !== '' && name === name.toLowerCase() && (index === 0 || signedHeaders[index - 1]! < name),
  );
  if (!wellFormed) {
    throw new CloudWatchError(
      'IncompleteSignature',
      `SignedHeaders must be lower case, sorted and without repeats, separated by ';', got '${raw}'.`,
    );
  }
}

// A header the signature does not cover could be added or changed on the way without the signature noticing. AWS
// requires every x-amz-* header to be signed, x-amz-target above all since it names the operation, and for the JSON
// protocols content-type, which says how the body is read.
function checkHeadersSigned(headers: SignedRequest['headers'], signedHeaders: string[]) {
  const unsigned = Object.keys(headers)
    .filter((name) => headers[name] !== undefined)
    .filter((name) => name.startsWith('x-amz-') || name === 'content-type')
    .filter((name) => !signedHeaders.includes(name))
    .sort();
  if (unsigned.length > 0) {
    throw new CloudWatchError(
      'SignatureDoesNotMatch',
      `There were headers present in the request which were not signed: ${unsigned.join(', ')}.`,
    );
  }
}

/** The canonical request of SigV4: method, path, query, the signed headers, their names and the body's hash. */
export function canonicalRequest(request: SignedRequest, signedHeaders: string[]): string {
  const queryAt = request.url.indexOf('?');
  const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const query = queryAt < 0 ? '' : request.url.slice(queryAt + 1);
  const headerLines = signedHeaders.map((name) => {
    const values = request.headers[name] ?? [];
    return `${name}:${values.map((value) => value.trim().replace(/\s+/g, ' ')).join(',')}\n`;
  });
  return [
    request.method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query),
    headerLines.join(''),
    signedHeaders.join(';'),
    sha256Hex(request.body),
  ].join('\n');
}

// Services other than S3 normalise the path and percent-encode it once more than it arrived.
function canonicalUri(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalised = `/${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return rfc3986(normalised).replace(/%2F/g, '/');
}

function canonicalQuery(query: string): string {
  if (query === '') return '';
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      const value = equals < 0 ? '' : pair.slice(equals + 1);
      return [rfc3986(safeDecode(name)), rfc3986(safeDecode(value))] as const;
    })
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function checkSkew(amzDate: string, requestTime: Date, now: Date) {
  const difference = requestTime.getTime() - now.getTime();
  if (difference < -allowedSkewMs) {
    const earliest = isoBasic(new Date(now.getTime() - allowedSkewMs));
    throw new CloudWatchError(
      'SignatureDoesNotMatch',
      `Signature expired: ${amzDate} is now earlier than ${earliest} (${isoBasic(now)} - 15 min.)`,
    );
  }
  if (difference > allowedSkewMs) {
    const latest = isoBasic(new Date(now.getTime() + allowedSkewMs));
    throw new CloudWatchError(
      'SignatureDoesNotMatch',
      `Signature not yet current: ${amzDate} is still later than ${latest} (${isoBasic(now)} + 15 min.)`,
    );
  }
}

function signature(secret: string, date: string, region: string, service: string, stringToSign: string): string {
  const dateKey = hmac(`AWS4${secret}`, date);
  const regionKey = hmac(dateKey, region);
  const serviceKey = hmac(regionKey, service);
  const signingKey = hmac(serviceKey, 'aws4_request');
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function sameHex(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

// Hashing both sides first gives equal lengths, so the comparison takes the same time whatever the token sent.
function sameSecret(provided: string | undefined, expected: string | undefined): boolean {
  if (provided === undefined || expected === undefined) return provided === expected;
  return timingSafeEqual(sha256Digest(provided), sha256Digest(expected));
}

const sha256Digest = (data: string) => createHash('sha256').update(data, 'utf8').digest();

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

const first = (values: string[] | undefined) => values?.[0];

/** 20261206T213808Z: the form of X-Amz-Date. */
export function isoBasic(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parseIsoBasic(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isoBasicFromHttpDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : isoBasic(date);
}
