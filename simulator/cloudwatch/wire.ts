// CloudWatch's AWS JSON 1.0 wire format, as @aws-sdk/client-cloudwatch speaks it: `POST /` with
// `X-Amz-Target: GraniteServiceVersion20100801.<Operation>`, a JSON body (gzip-compressed for large PutMetricData
// calls), timestamps as epoch seconds; errors carry the query-compatible `x-amzn-query-error` header.
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { CloudWatchError } from './errors';

export const targetPrefix = 'GraniteServiceVersion20100801.';
export const jsonContentType = 'application/x-amz-json-1.0';
/** CloudWatch takes at most 1 MB a request, compressed or not. */
export const maxRequestBytes = 1024 * 1024;

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The operation an `X-Amz-Target` header names, or throws InvalidAction. */
export function operationOf(target: string | undefined): string {
  if (!target?.startsWith(targetPrefix) || target.length === targetPrefix.length) {
    throw new CloudWatchError('InvalidAction', `The X-Amz-Target header '${target ?? ''}' names no CloudWatch action.`);
  }
  return target.slice(targetPrefix.length);
}

/** The request's JSON, with any gzip Content-Encoding undone. An empty body is an empty input. */
export function decodeBody(raw: Buffer, contentEncoding: string | undefined): unknown {
  let bytes = raw;
  const encoding = contentEncoding?.trim().toLowerCase();
  if (encoding === 'gzip') {
    try {
      bytes = gunzipSync(raw, { maxOutputLength: maxRequestBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw new CloudWatchError('SerializationException', 'The request body could not be decompressed as gzip.');
    }
  } else if (encoding && encoding !== 'identity') {
    throw new CloudWatchError('SerializationException', `Content-Encoding '${contentEncoding}' is not supported.`);
  }
  const text = bytes.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new CloudWatchError('SerializationException', 'The request body is not valid JSON.');
  }
}

export const tooLarge = () =>
  new CloudWatchError('RequestEntityTooLarge', `Request size exceeded ${maxRequestBytes} bytes.`);

export const newRequestId = (): string => randomUUID();

export function successResponse(output: object, requestId: string): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': jsonContentType, 'x-amzn-requestid': requestId },
    body: JSON.stringify(output),
  };
}

export function errorResponse(error: CloudWatchError, requestId: string): WireResponse {
  const { status, fault, type } = error.kind;
  return {
    status,
    headers: {
      'content-type': jsonContentType,
      'x-amzn-requestid': requestId,
      'x-amzn-query-error': `${error.code};${fault}`,
    },
    body: JSON.stringify({ __type: type, message: error.message }),
  };
}

/** A time for a response: the JSON protocol's epoch seconds, with milliseconds as a fraction. */
export const epochSeconds = (epochMs: number): number => epochMs / 1000;
