import { describe, expect, it } from 'vitest';
import { FaultControls } from './faults';

describe('FaultControls', () => {
  it('hands each endpoint its API errors and failures, not its out-of-band deletion', () => {
    const controls = new FaultControls(() => {});
    controls.update({
      endpoints: JSON.stringify({
        ep: {
          failUpdate: 'reason',
          createError: { code: 'InvalidParameterValue', message: 'bad instance type' },
          updateError: { code: 'MissingParameter', message: 'no config' },
          describeError: { code: 'ThrottlingException', message: 'Rate exceeded' },
          deletedInAwsAfter: '2026-11-25T12:00:00Z',
        },
      }),
    });
    expect(controls.faultsFor('ep')).toEqual({
      failUpdate: 'reason',
      createError: { code: 'InvalidParameterValue', message: 'bad instance type' },
      updateError: { code: 'MissingParameter', message: 'no config' },
      describeError: { code: 'ThrottlingException', message: 'Rate exceeded' },
    });
    expect(controls.faultsFor('other')).toEqual({});
  });

  it('keeps the previous controls when an error lacks its code or message', () => {
    const logged: string[] = [];
    const controls = new FaultControls((message) => logged.push(message));
    controls.update({
      endpoints: JSON.stringify({ ep: { describeError: { code: 'ThrottlingException', message: 'Rate exceeded' } } }),
    });
    controls.update({ endpoints: JSON.stringify({ ep: { describeError: { code: 'ThrottlingException' } } }) });
    expect(controls.faultsFor('ep').describeError).toEqual({ code: 'ThrottlingException', message: 'Rate exceeded' });
    expect(logged).toEqual([expect.stringMatching(/^ignoring invalid fault controls/)]);
  });

  it('reads CloudWatch alarms with their defaults, image profiles and traffic', () => {
    const changes: number[] = [];
    const controls = new FaultControls(
      () => {},
      () => changes.push(1),
    );
    controls.update({
      cloudwatchAlarms: JSON.stringify({
        'ep-new-5xx': {
          metricName: 'Invocation5XXErrors',
          dimensions: { EndpointName: 'ep', VariantName: 'primary', EndpointConfigName: 'ep-v2' },
          statistic: 'Average',
          periodSeconds: 10,
          evaluationPeriods: 2,
          threshold: 0.05,
          comparisonOperator: 'GreaterThanThreshold',
        },
      }),
      images: JSON.stringify({ 'repo/model:bad': { modelLatencyMs: 40, errorRate5xx: 0.09, errorRate4xx: 0.005 } }),
      traffic: JSON.stringify({ ep: { requestsPerMinute: 1200 } }),
    });
    expect(changes).toHaveLength(1);
    expect(controls.cloudWatchAlarms()).toEqual({
      'ep-new-5xx': {
        namespace: 'AWS/SageMaker',
        metricName: 'Invocation5XXErrors',
        dimensions: { EndpointName: 'ep', VariantName: 'primary', EndpointConfigName: 'ep-v2' },
        statistic: 'Average',
        periodSeconds: 10,
        evaluationPeriods: 2,
        threshold: 0.05,
        comparisonOperator: 'GreaterThanThreshold',
      },
    });
    expect(controls.imageProfile('repo/model:bad')).toEqual({
      modelLatencyMs: 40,
      errorRate5xx: 0.09,
      errorRate4xx: 0.005,
    });
    expect(controls.imageProfile('repo/model:good')).toBeUndefined();
    expect(controls.requestsPerMinute('ep')).toBe(1200);
    expect(controls.requestsPerMinute('other')).toBeUndefined();
  });

  it('refuses an alarm with both or neither statistic, or a rate above 1, keeping every previous control', () => {
    const logged: string[] = [];
    const controls = new FaultControls((message) => logged.push(message));
    const alarm = {
      metricName: 'ModelLatency',
      dimensions: { EndpointName: 'ep' },
      extendedStatistic: 'p99',
      periodSeconds: 60,
      evaluationPeriods: 1,
      threshold: 100_000,
      comparisonOperator: 'GreaterThanThreshold',
    };
    controls.update({ cloudwatchAlarms: JSON.stringify({ latency: alarm }), alarms: JSON.stringify({ x: 'ALARM' }) });
    controls.update({ cloudwatchAlarms: JSON.stringify({ latency: { ...alarm, statistic: 'Average' } }) });
    const { extendedStatistic: _p99, ...withoutStatistic } = alarm;
    controls.update({ cloudwatchAlarms: JSON.stringify({ latency: withoutStatistic }) });
    controls.update({
      images: JSON.stringify({ bad: { modelLatencyMs: 40, errorRate5xx: 9, errorRate4xx: 0 } }),
      alarms: JSON.stringify({}),
    });
    expect(logged).toEqual([
      expect.stringMatching(/exactly one of statistic and extendedStatistic/),
      expect.stringMatching(/exactly one of statistic and extendedStatistic/),
      expect.stringMatching(/^ignoring invalid fault controls/),
    ]);
    expect(Object.keys(controls.cloudWatchAlarms())).toEqual(['latency']);
    expect(controls.alarmOverride('x')).toBe('ALARM');
    expect(controls.imageProfile('bad')).toBeUndefined();
  });
});
