import type { AlarmTransition, AlarmView, MetricJudgement, VerdictOutcome } from '@/lib/api/endpoint-metrics';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { Tone } from '@/lib/format/tone';

/** What an alarm's state is called on the page and how it is coloured. */
export function alarmStateDisplay(alarm: Pick<AlarmView, 'state'> | undefined): {
  state: string;
  label: string;
  tone: Tone;
} {
  switch (alarm?.state) {
    case 'OK':
      return { state: 'OK', label: 'OK', tone: 'ok' };
    case 'ALARM':
      return { state: 'ALARM', label: 'ALARM', tone: 'error' };
    case 'INSUFFICIENT_DATA':
      return { state: 'INSUFFICIENT_DATA', label: 'Insufficient data', tone: 'warning' };
    default:
      // DescribeAlarms answered without it; with no answer at all there is no alarm view to ask about.
      return alarm
        ? { state: 'missing', label: 'No such alarm in CloudWatch', tone: 'error' }
        : { state: 'unknown', label: 'Not read', tone: 'neutral' };
  }
}

/**
 * The deployment's rollback alarms in the policy's order, each with what CloudWatch said of it; a name the
 * policy gives but the reads do not (CloudWatch not read yet, or not at all) comes with no view.
 */
export function deploymentAlarms(
  deploymentConfig: EndpointSummary['deploymentConfig'],
  alarms: AlarmView[] | undefined,
): { name: string; view?: AlarmView }[] {
  const named = (deploymentConfig?.autoRollbackConfiguration?.alarms ?? []).flatMap((alarm) =>
    alarm.alarmName ? [alarm.alarmName] : [],
  );
  const views = new Map((alarms ?? []).map((alarm) => [alarm.name, alarm]));
  const names = [...new Set([...named, ...views.keys()])];
  return names.map((name) => {
    const view = views.get(name);
    return view ? { name, view } : { name };
  });
}

/** The last time one of the rollback alarms went to ALARM: what SageMaker rolled back on. */
export function rollbackCause(history: AlarmTransition[]): AlarmTransition | undefined {
  return history
    .filter((transition) => transition.to === 'ALARM')
    .reduce<AlarmTransition | undefined>(
      (latest, transition) => (!latest || Date.parse(transition.at) > Date.parse(latest.at) ? transition : latest),
      undefined,
    );
}

export const verdictDisplay: Record<VerdictOutcome, { label: string; tone: Tone }> = {
  pass: { label: 'Pass', tone: 'ok' },
  marginal: { label: 'Marginal', tone: 'warning' },
  fail: { label: 'Fail', tone: 'error' },
  'no-data': { label: 'No data', tone: 'neutral' },
};

/** A metric's judgement: a critical metric out of bounds fails the canary, another only makes it marginal. */
export function judgementDisplay(judgement: Pick<MetricJudgement, 'outcome' | 'critical'>): {
  label: string;
  tone: Tone;
} {
  switch (judgement.outcome) {
    case 'pass':
      return { label: 'Pass', tone: 'ok' };
    case 'no-data':
      return { label: 'No data', tone: 'neutral' };
    default:
      return {
        label: judgement.outcome === 'high' ? 'Higher' : 'Lower',
        tone: judgement.critical ? 'error' : 'warning',
      };
  }
}
