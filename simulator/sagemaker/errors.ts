/** An error as SageMaker's API returns it: a code such as ValidationException, and a message. */
export class SageMakerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SageMakerError';
  }

  /** smithy-go's `GenericAPIError.Error()`, the text ACK puts in conditions (docs/ack-behaviour.md §8.5). */
  get apiErrorText(): string {
    return `api error ${this.code}: ${this.message}`;
  }
}

export const validation = (message: string) => new SageMakerError('ValidationException', message);

// Describe answers a missing resource with a ValidationException carrying these prefixes (docs/ack-behaviour.md §13.6).
export const notFoundPrefixes = {
  endpoint: 'Could not find endpoint',
  endpointConfig: 'Could not find endpoint configuration',
  model: 'Could not find model',
} as const;

/** True when a Describe error means "no such resource" rather than a failure. */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof SageMakerError &&
    error.code === 'ValidationException' &&
    Object.values(notFoundPrefixes).some((prefix) => error.message.startsWith(prefix))
  );
}

/** Error codes ACK treats as terminal for these kinds (`generator.yaml` terminal_codes). */
export const terminalCodes = new Set(['InvalidParameterCombination', 'InvalidParameterValue', 'MissingParameter']);
