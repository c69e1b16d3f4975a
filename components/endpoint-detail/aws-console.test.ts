import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '@/components/ui/safe-link';
import { alarmConsoleUrl, endpointConsoleUrl, metricConsoleUrl } from './aws-console';

describe('console links', () => {
  it('point at the region’s console for the commercial partition', () => {
    expect(endpointConsoleUrl('us-west-2', 'aws', 'ep')).toBe(
      'https://us-west-2.console.aws.amazon.com/sagemaker/home?region=us-west-2#/endpoints/ep',
    );
    expect(alarmConsoleUrl('us-west-2', undefined, 'errors')).toBe(
      'https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#alarmsV2:alarm/errors',
    );
  });

  it('use the China and GovCloud consoles for their partitions', () => {
    expect(endpointConsoleUrl('cn-north-1', 'aws-cn', 'ep')).toMatch(
      /^https:\/\/console\.amazonaws\.cn\/sagemaker\/home\?region=cn-north-1#/,
    );
    expect(alarmConsoleUrl('us-gov-west-1', 'aws-us-gov', 'a')).toMatch(
      /^https:\/\/console\.amazonaws-us-gov\.com\/cloudwatch\//,
    );
  });

  it('encode names taken from the custom resource', () => {
    expect(endpointConsoleUrl('us-west-2', 'aws', 'a/../b#c')).toMatch(/#\/endpoints\/a%2F..%2Fb%23c$/);
    expect(alarmConsoleUrl('eu-west-1', 'aws', 'p99 > 2s')).toMatch(/alarm\/p99%20%3E%202s$/);
  });

  it('are absent for a region that is not one, since it names the host', () => {
    expect(endpointConsoleUrl('evil.example/#', 'aws', 'ep')).toBeUndefined();
    expect(endpointConsoleUrl('us-west-2&x=1', 'aws', 'ep')).toBeUndefined();
    expect(alarmConsoleUrl('US-WEST-2', 'aws', 'a')).toBeUndefined();
    expect(endpointConsoleUrl('us-gov-west-1', 'aws-us-gov', 'ep')).toBeDefined();
  });

  it('are absent until the controller has reported a region', () => {
    expect(endpointConsoleUrl(undefined, 'aws', 'ep')).toBeUndefined();
    expect(alarmConsoleUrl('', 'aws', 'a')).toBeUndefined();
  });
});

describe('metric console links', () => {
  const invocations = { EndpointName: 'ep', VariantName: 'AllTraffic' };

  it('open the metric’s graph in the region’s CloudWatch console', () => {
    expect(metricConsoleUrl('us-west-2', 'aws', 'AWS/SageMaker', 'Invocations', invocations)).toBe(
      'https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#metricsV2:graph=' +
        "~(view~'timeSeries~stacked~false~region~'us-west-2~metrics~(~(~'AWS*2fSageMaker~'Invocations" +
        "~'EndpointName~'ep~'VariantName~'AllTraffic)))",
    );
  });

  it('carry the statistic and period the page shows', () => {
    expect(
      metricConsoleUrl('eu-west-1', 'aws', 'AWS/SageMaker', 'ModelLatency', invocations, {
        stat: 'p99',
        periodSeconds: 300,
      }),
    ).toMatch(/~'VariantName~'AllTraffic\)\)~stat~'p99~period~300\)$/);
  });

  it('use the partition’s console', () => {
    expect(metricConsoleUrl('cn-north-1', 'aws-cn', '/aws/sagemaker/Endpoints', 'CPUUtilization', {})).toMatch(
      /^https:\/\/console\.amazonaws\.cn\/cloudwatch\/home\?region=cn-north-1#metricsV2:graph=.*~'\*2faws\*2fsagemaker\*2fEndpoints~'CPUUtilization\)\)\)$/,
    );
  });

  it('encode names so that one cannot close the graph or add to it', () => {
    const url = metricConsoleUrl('us-west-2', 'aws', 'AWS/SageMaker', 'Invocations', {
      EndpointName: "ep')~stat~'Sum~x~(",
      VariantName: 'a b$é',
    })!;
    expect(url).toContain("~'EndpointName~'ep*27*29*7estat*7e*27Sum*7ex*7e*28~'VariantName~'a*20b!*e9)))");
    // Nothing the name held survives as syntax: the graph still ends where it began.
    expect(url.endsWith(')))')).toBe(true);
    expect(safeExternalUrl(url)).toBeDefined();
  });

  it('are absent for a hostile or missing region, since it names the host', () => {
    expect(metricConsoleUrl('evil.example/#', 'aws', 'AWS/SageMaker', 'Invocations', invocations)).toBeUndefined();
    expect(metricConsoleUrl('us-west-2.evil.example', 'aws', 'AWS/SageMaker', 'Invocations', {})).toBeUndefined();
    expect(metricConsoleUrl(undefined, 'aws', 'AWS/SageMaker', 'Invocations', invocations)).toBeUndefined();
  });
});
