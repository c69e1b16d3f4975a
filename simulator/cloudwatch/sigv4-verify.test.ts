// The verifier against requests signed by the AWS SDK's own signer (@smithy/signature-v4, what
// @aws-sdk/client-cloudwatch signs with): what it signs is accepted, and any change AWS would notice is refused
// with AWS's code and message.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Sha256 } from '@smithy/core/checksum';
import { buildQueryString } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, verifySigV4, type SignedRequest, type SigningCredential } from './sigv4-verify';
import { refusal } from './refusal.test-support';

const known: SigningCredential = { accessKeyId: 'AKIAEXAMPLEKEY000001', secretAccessKey: 'the-secret/of+the=key' };
const temporary: SigningCredential = {
  accessKeyId: 'ASIAEXAMPLEKEY000002',
  secretAccessKey: 'another-secret',
  sessionToken: 'a-session-token',
};
const credentials = new Map([known, temporary].map((credential) => [credential.accessKeyId, credential]));
const signedAt = new Date('2026-06-12T14:02:30Z');
const body = JSON.stringify({ AlarmNames: ['p99-latency'] });

interface SignOptions {
  credential?: SigningCredential;
  region?: string;
  service?: string;
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Headers sent but left out of the signature. */
  unsignableHeaders?: string[];
}

/** A request as the SDK would send it, signed by the SDK's signer, in the form the server receives it. */
async function sdkSigned(options: SignOptions = {}): Promise<SignedRequest> {
  const credential = options.credential ?? known;
  const signer = new SignatureV4({
    credentials: credential,
    region: options.region ?? 'us-west-2',
    service: options.service ?? 'monitoring',
    sha256: Sha256,
  });
  const requestBody = options.body ?? body;
  const request = await signer.sign(
    {
      method: options.method ?? 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4599,
      path: options.path ?? '/',
      query: options.query ?? {},
      headers: {
        host: '127.0.0.1:4599',
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms',
        'content-length': String(Buffer.byteLength(requestBody)),
        ...options.headers,
      },
      body: requestBody,
    },
    { signingDate: signedAt, unsignableHeaders: new Set(options.unsignableHeaders) },
  );
  // As the SDK's HTTP handler writes the request line: the path as given, the query encoded by buildQueryString.
  const search = buildQueryString(request.query ?? {});
  return {
    method: request.method,
    url: `${request.path}${search ? `?${search}` : ''}`,
    headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), [value]])),
    body: Buffer.isBuffer(requestBody) ? requestBody : Buffer.from(requestBody),
  };
}

const verify = (request: SignedRequest, now = signedAt, region = 'us-west-2') =>
  verifySigV4(request, { region, service: 'monitoring', now, credentialFor: (key) => credentials.get(key) });

const signatureMismatch =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

describe('SigV4 verification of requests signed by the SDK', () => {
  it('accepts a request as the SDK signs it, and names its credential', async () => {
    expect(verify(await sdkSigned())).toBe(known);
  });

  it('accepts temporary credentials carrying their session token', async () => {
    expect(verify(await sdkSigned({ credential: temporary }))).toBe(temporary);
  });

  it('accepts a gzip body, whose compressed bytes are what was signed', async () => {
    const compressed = gzipSync(body);
    const request = await sdkSigned({ body: compressed, headers: { 'content-encoding': 'gzip' } });
    expect(verify(request)).toBe(known);
  });

  it('accepts a path and query string as they go on the wire, canonicalised as AWS does', async () => {
    const request = await sdkSigned({
      method: 'GET',
      // Already percent-encoded, as on the request line: the canonical URI encodes it once more.
      path: '/a%20path/./to/../x%2Fy',
      query: { b: 'two words', a: '1', 'c*': "it's" },
      body: '',
    });
    expect(request.url).toBe('/a%20path/./to/../x%2Fy?a=1&b=two%20words&c%2A=it%27s');
    const [, uri, query] = canonicalRequest(request, ['host']).split('\n');
    expect(uri).toBe('/a%2520path/x%252Fy');
    expect(query).toBe('a=1&b=two%20words&c%2A=it%27s');
    expect(verify(request)).toBe(known);
  });

  it('refuses a request whose x-amz-target was left out of the signature', async () => {
    const request = await sdkSigned({ unsignableHeaders: ['x-amz-target'] });
    expect(request.headers.authorization?.[0]).not.toContain('x-amz-target');
    expect(refusal(() => verify(request))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: 'There were headers present in the request which were not signed: x-amz-target.',
    });
  });

  it('refuses a request whose content-type was left out of the signature', async () => {
    const request = await sdkSigned({ unsignableHeaders: ['content-type'] });
    expect(refusal(() => verify(request)).message).toBe(
      'There were headers present in the request which were not signed: content-type.',
    );
  });

  it('refuses SignedHeaders that are not lower case, sorted and unique', async () => {
    const request = await sdkSigned();
    const authorization = request.headers.authorization?.[0] ?? '';
    const listed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? '';
    for (const changed of [
      listed.replace('host', 'Host'),
      listed.split(';').reverse().join(';'),
      `${listed};x-amz-target`,
    ]) {
      request.headers.authorization = [authorization.replace(listed, changed)];
      expect(refusal(() => verify(request)).code).toBe('IncompleteSignature');
    }
  });

  it('refuses a signed header changed after signing', async () => {
    const request = await sdkSigned();
    request.headers['x-amz-target'] = ['GraniteServiceVersion20100801.DeleteAlarms'];
    expect(refusal(() => verify(request))).toEqual({ code: 'SignatureDoesNotMatch', message: signatureMismatch });
  });

  it('refuses a body changed after signing', async () => {
    const request = await sdkSigned();
    request.body = Buffer.from(JSON.stringify({ AlarmNames: ['another-alarm'] }));
    // The SDK sends the body's hash as x-amz-content-sha256, so that is what no longer agrees.
    expect(refusal(() => verify(request)).code).toBe('SignatureDoesNotMatch');
    delete request.headers['x-amz-content-sha256'];
    expect(refusal(() => verify(request))).toEqual({ code: 'SignatureDoesNotMatch', message: signatureMismatch });
  });

  it('refuses a request whose x-amz-content-sha256 is not the hash of its body', async () => {
    const otherHash = createHash('sha256').update('another body').digest('hex');
    const request = await sdkSigned({ headers: { 'x-amz-content-sha256': otherHash } });
    expect(refusal(() => verify(request))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    });
  });

  it('refuses a signature made with the wrong secret', async () => {
    const request = await sdkSigned({ credential: { ...known, secretAccessKey: 'not-the-secret' } });
    expect(refusal(() => verify(request))).toEqual({ code: 'SignatureDoesNotMatch', message: signatureMismatch });
  });

  it('refuses an access key it does not know as InvalidClientTokenId', async () => {
    const request = await sdkSigned({ credential: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' } });
    expect(refusal(() => verify(request))).toEqual({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses temporary credentials without, or with another, session token', async () => {
    const without = await sdkSigned({ credential: { ...temporary, sessionToken: undefined } });
    const other = await sdkSigned({ credential: { ...temporary, sessionToken: 'stolen' } });
    expect(refusal(() => verify(without)).code).toBe('InvalidClientTokenId');
    expect(refusal(() => verify(other)).code).toBe('InvalidClientTokenId');
  });

  it('refuses a request signed for another region, naming it', async () => {
    const request = await sdkSigned({ region: 'eu-west-1' });
    expect(refusal(() => verify(request))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: "Credential should be scoped to a valid region, not 'eu-west-1'.",
    });
  });

  it('refuses a request signed for another service', async () => {
    const request = await sdkSigned({ service: 'cloudwatch' });
    expect(refusal(() => verify(request))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: "Credential should be scoped to correct service: 'monitoring'.",
    });
  });

  it('takes a clock 14 minutes apart, and refuses one more than 15 minutes behind or ahead', async () => {
    const request = await sdkSigned();
    const minutes = (n: number) => new Date(signedAt.getTime() + n * 60_000);
    expect(verify(request, minutes(14))).toBe(known);
    expect(verify(request, minutes(-14))).toBe(known);
    expect(refusal(() => verify(request, minutes(16)))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: 'Signature expired: 20260612T140230Z is now earlier than 20260612T140330Z (20260612T141830Z - 15 min.)',
    });
    expect(refusal(() => verify(request, minutes(-16)))).toEqual({
      code: 'SignatureDoesNotMatch',
      message:
        'Signature not yet current: 20260612T140230Z is still later than 20260612T140130Z (20260612T134630Z + 15 min.)',
    });
  });

  it('refuses a request with no Authorization header as MissingAuthenticationToken', async () => {
    const request = await sdkSigned();
    delete request.headers.authorization;
    expect(refusal(() => verify(request))).toEqual({
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    });
  });

  it('refuses an Authorization header without a signature as IncompleteSignature', async () => {
    const request = await sdkSigned();
    request.headers.authorization = [(request.headers.authorization?.[0] ?? '').replace(/, Signature=\w+/, '')];
    const { code, message } = refusal(() => verify(request));
    expect(code).toBe('IncompleteSignature');
    expect(message).toContain("Authorization header requires 'Signature' parameter.");
  });
});
