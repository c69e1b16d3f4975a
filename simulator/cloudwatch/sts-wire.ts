// STS's awsQuery wire format, as the SDK's STS client speaks it: `POST /` with a form-urlencoded body
// (`Action=AssumeRole&Version=2011-06-15&RoleArn=...`), answered in XML: `<AssumeRoleResponse>` around
// `<AssumeRoleResult>` and `<ResponseMetadata>`, or `<ErrorResponse>` with the error's Type (Sender or Receiver),
// Code and Message. The SDK reads the result under `<Operation>Result` and the code from `Error/Code`.
import type { CloudWatchError } from './errors';
import type { IssuedCredential } from './sts';
import type { WireResponse } from './wire';

export const stsNamespace = 'https://sts.amazonaws.com/doc/2011-06-15/';
const xmlContentType = 'text/xml';

/** The request's parameters; a body that is not a form has none, and is refused for its missing Action. */
export const formParameters = (body: Buffer): URLSearchParams => new URLSearchParams(body.toString('utf8'));

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Expiration as STS writes it: ISO 8601 in UTC, to the second. */
const isoSeconds = (epochMs: number) => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function assumeRoleResponse(issued: IssuedCredential, requestId: string): WireResponse {
  const body = [
    `<AssumeRoleResponse xmlns="${stsNamespace}">`,
    '<AssumeRoleResult>',
    '<AssumedRoleUser>',
    `<Arn>${escapeXml(issued.assumedRoleArn)}</Arn>`,
    `<AssumedRoleId>${escapeXml(issued.assumedRoleId)}</AssumedRoleId>`,
    '</AssumedRoleUser>',
    '<Credentials>',
    `<AccessKeyId>${issued.accessKeyId}</AccessKeyId>`,
    `<SecretAccessKey>${escapeXml(issued.secretAccessKey)}</SecretAccessKey>`,
    `<SessionToken>${escapeXml(issued.sessionToken)}</SessionToken>`,
    `<Expiration>${isoSeconds(issued.expiresMs)}</Expiration>`,
    '</Credentials>',
    '</AssumeRoleResult>',
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`,
    '</AssumeRoleResponse>',
  ].join('');
  return { status: 200, headers: { 'content-type': xmlContentType, 'x-amzn-requestid': requestId }, body };
}

export function stsErrorResponse(error: CloudWatchError, requestId: string): WireResponse {
  const { status, fault } = error.kind;
  const body = [
    `<ErrorResponse xmlns="${stsNamespace}">`,
    `<Error><Type>${fault}</Type><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message></Error>`,
    `<RequestId>${requestId}</RequestId>`,
    '</ErrorResponse>',
  ].join('');
  return { status, headers: { 'content-type': xmlContentType, 'x-amzn-requestid': requestId }, body };
}
