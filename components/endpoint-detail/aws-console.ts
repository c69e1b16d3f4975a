// Links into the AWS console built from custom-resource fields (region, partition, names). They are CR text,
// so every one is rendered through <SafeLink>, which refuses a URL whose host is not an AWS console.

function consoleOrigin(partition: string | undefined, region: string): string {
  if (partition === 'aws-cn') return 'https://console.amazonaws.cn';
  if (partition === 'aws-us-gov') return 'https://console.amazonaws-us-gov.com';
  return `https://${region}.console.aws.amazon.com`;
}

/** The SageMaker console page of an endpoint, or undefined before the controller has reported its region. */
export function endpointConsoleUrl(region: string | undefined, partition: string | undefined, endpointName: string): string | undefined {
  if (!region) return undefined;
  const query = `region=${encodeURIComponent(region)}`;
  return `${consoleOrigin(partition, region)}/sagemaker/home?${query}#/endpoints/${encodeURIComponent(endpointName)}`;
}

/** The CloudWatch console page of an alarm, or undefined without a region. */
export function alarmConsoleUrl(region: string | undefined, partition: string | undefined, alarmName: string): string | undefined {
  if (!region) return undefined;
  const query = `region=${encodeURIComponent(region)}`;
  return `${consoleOrigin(partition, region)}/cloudwatch/home?${query}#alarmsV2:alarm/${encodeURIComponent(alarmName)}`;
}
