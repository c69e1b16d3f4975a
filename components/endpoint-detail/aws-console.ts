// Links into the AWS console built from custom-resource fields (region, partition, names). They are CR text,
// so every one is rendered through <SafeLink>, which refuses a URL whose host is not an AWS console.

// A region names the console's host, so anything but a region's shape ("us-west-2", "us-gov-west-1") gets no link.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

function consoleOrigin(partition: string | undefined, region: string): string {
  if (partition === 'aws-cn') return 'https://console.amazonaws.cn';
  if (partition === 'aws-us-gov') return 'https://console.amazonaws-us-gov.com';
  return `https://${region}.console.aws.amazon.com`;
}

/** The SageMaker console page of an endpoint, or undefined before the controller has reported a region. */
export function endpointConsoleUrl(
  region: string | undefined,
  partition: string | undefined,
  endpointName: string,
): string | undefined {
  if (!region || !REGION.test(region)) return undefined;
  const query = `region=${encodeURIComponent(region)}`;
  return `${consoleOrigin(partition, region)}/sagemaker/home?${query}#/endpoints/${encodeURIComponent(endpointName)}`;
}

/** The CloudWatch console page of an alarm, or undefined without a well-formed region. */
export function alarmConsoleUrl(
  region: string | undefined,
  partition: string | undefined,
  alarmName: string,
): string | undefined {
  if (!region || !REGION.test(region)) return undefined;
  const query = `region=${encodeURIComponent(region)}`;
  return `${consoleOrigin(partition, region)}/cloudwatch/home?${query}#alarmsV2:alarm/${encodeURIComponent(alarmName)}`;
}
