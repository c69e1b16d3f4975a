import { validation } from './errors';
import { simulatedLimits } from './limits';

// SageMaker's pattern for endpoint, config and model names (docs/ack-behaviour.md §13.1).
const NAME_PATTERN_TEXT = `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,${simulatedLimits.nameMaxLength - 1}}`;
const NAME_PATTERN = new RegExp(`${NAME_PATTERN_TEXT}$`);

/** Throws the ValidationException SageMaker answers for a name it does not accept. */
export function assertValidName(field: string, value: string): void {
  if (!NAME_PATTERN.test(value)) {
    throw validation(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ` +
        `Member must satisfy regular expression pattern: ${NAME_PATTERN_TEXT}`,
    );
  }
}

export interface AwsLocation {
  partition: string;
  region: string;
  account: string;
}

/** The ARN of a SageMaker resource. SageMaker lower-cases names in ARNs. */
export function arnOf(location: AwsLocation, type: 'endpoint' | 'endpoint-config' | 'model', name: string): string {
  return `arn:${location.partition}:sagemaker:${location.region}:${location.account}:${type}/${name.toLowerCase()}`;
}
