// CloudWatch's errors as its JSON 1.0 endpoint answers them. The service is `awsQueryCompatible`: clients read the
// code from the `x-amzn-query-error: <Code>;<Sender|Receiver>` header, and the body's `__type` names the model's
// shape (com.amazonaws.cloudwatch#…) or, for the checks AWS's front end makes before the service sees the request
// (signature, credentials, permissions), the front end's own exception.

interface ErrorKind {
  status: number;
  fault: 'Sender' | 'Receiver';
  type: string;
}

const service = (shape: string, status = 400): ErrorKind => ({
  status,
  fault: status >= 500 ? 'Receiver' : 'Sender',
  type: `com.amazonaws.cloudwatch#${shape}`,
});
const frontEnd = (exception: string, status: number): ErrorKind => ({
  status,
  fault: status >= 500 ? 'Receiver' : 'Sender',
  type: `com.amazon.coral.service#${exception}`,
});

/** Every code the simulator answers with, keyed by the query-compatible code clients see as the error's name. */
export const errorKinds = {
  // The model's errors (schemas_0.js in @aws-sdk/client-cloudwatch: awsQueryError code, httpError status).
  InvalidParameterValue: service('InvalidParameterValueException'),
  InvalidParameterCombination: service('InvalidParameterCombinationException'),
  MissingParameter: service('MissingRequiredParameterException'),
  ValidationError: service('ValidationException'),
  InvalidNextToken: service('InvalidNextToken'),
  InvalidFormat: service('InvalidFormatFault'),
  LimitExceeded: service('LimitExceededFault'),
  ResourceNotFound: service('ResourceNotFound', 404),
  InternalServiceError: service('InternalServiceFault', 500),
  // The front end's.
  MissingAuthenticationToken: frontEnd('MissingAuthenticationTokenException', 403),
  IncompleteSignature: frontEnd('IncompleteSignatureException', 400),
  InvalidClientTokenId: frontEnd('UnrecognizedClientException', 403),
  SignatureDoesNotMatch: frontEnd('InvalidSignatureException', 403),
  ExpiredToken: frontEnd('ExpiredTokenException', 403),
  AccessDenied: frontEnd('AccessDeniedException', 403),
  InvalidAction: frontEnd('UnknownOperationException', 400),
  SerializationException: frontEnd('SerializationException', 400),
  RequestEntityTooLarge: frontEnd('RequestEntityTooLargeException', 413),
} satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof errorKinds;

export class CloudWatchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }

  get kind(): ErrorKind {
    return errorKinds[this.code];
  }
}

export const invalidValue = (message: string) => new CloudWatchError('InvalidParameterValue', message);
export const missingParameter = (name: string) =>
  new CloudWatchError('MissingParameter', `The parameter ${name} is required.`);
export const validationError = (message: string) => new CloudWatchError('ValidationError', message);
