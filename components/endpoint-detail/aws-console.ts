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

// The CloudWatch console reads its graph from the fragment in JSURL, a URL-safe JSON: strings are ~'text, numbers
// ~12, objects ~(key~value…), arrays ~(~item…); in text and keys every character but letters, digits, _ - and .
// is *hh (or **hhhh), and $ is !. Encoding each name here is what keeps a CR's text from changing the graph.
const jsurlText = (text: string) =>
  text.replace(/[^\w.-]/g, (char) => {
    if (char === '$') return '!';
    const code = char.charCodeAt(0);
    return code < 0x100 ? `*${code.toString(16).padStart(2, '0')}` : `**${code.toString(16).padStart(4, '0')}`;
  });

type JsurlValue = string | number | boolean | JsurlValue[] | { [key: string]: JsurlValue };

function jsurl(value: JsurlValue): string {
  if (typeof value === 'string') return `~'${jsurlText(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `~${String(value)}`;
  if (Array.isArray(value)) return `~(${value.map(jsurl).join('') || '~'})`;
  return `~(${Object.entries(value)
    .map(([key, item]) => `${jsurlText(key)}${jsurl(item)}`)
    .join('~')})`;
}

/**
 * The CloudWatch console's graph of one metric (its #metricsV2 page), with its dimensions in order, or undefined
 * without a well-formed region. `stat` and `periodSeconds` choose what the graph shows first.
 */
export function metricConsoleUrl(
  region: string | undefined,
  partition: string | undefined,
  namespace: string,
  metricName: string,
  dimensions: Record<string, string>,
  view: { stat?: string; periodSeconds?: number } = {},
): string | undefined {
  if (!region || !REGION.test(region)) return undefined;
  const graph = jsurl({
    view: 'timeSeries',
    stacked: false,
    region,
    metrics: [[namespace, metricName, ...Object.entries(dimensions).flat()]],
    ...(view.stat ? { stat: view.stat } : {}),
    ...(view.periodSeconds ? { period: view.periodSeconds } : {}),
  });
  const query = `region=${encodeURIComponent(region)}`;
  return `${consoleOrigin(partition, region)}/cloudwatch/home?${query}#metricsV2:graph=${graph}`;
}
