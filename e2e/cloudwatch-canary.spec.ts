// A canary of a bad model image through the rollout form, judged by real CloudWatch alarms: the simulated
// SageMaker publishes the canary's errors to the simulated CloudWatch (started by scripts/e2e.sh), the alarm there
// goes to ALARM, SageMaker rolls back, and the detail page shows each step.
import { expect, test } from '@playwright/test';
import type { SimWorld } from '../test/support/sim-world';
import { grantDeployer } from './support/grant';
import { simWorld } from './support/sim';
import { signInAs } from './support/sign-in';

test.describe.configure({ timeout: 240_000 });

// A scale at which the canary's bake (600 s) lasts 60 s: long enough for the alarm below to fire (two 10 s periods)
// and for the verdict to gather samples (1 s each, chart-server.ts) first.
const TIME_SCALE = 0.1;
const badImage = '123456789012.dkr.ecr.us-west-2.amazonaws.com/checkout-ranker:bad';

let world: SimWorld;
let endpointName = '';
let alarmName = '';
test.beforeAll(async () => {
  world = await simWorld(
    'e2e-cw',
    {
      SIM_METRIC_PERIOD_SECONDS: '1',
      SIM_ALARM_POLL_SECONDS: '1',
      // A create of 10 s and a rollback of 30 s at this scale.
      SIM_CREATE_SECONDS: '100',
      SIM_ROLLBACK_SECONDS: '300',
    },
    TIME_SCALE,
  );
  await grantDeployer(world.namespace, 'ml-eng');
  // One CloudWatch serves the whole run: names of this spec's own, so no other spec's metrics mix in.
  endpointName = `ranker-${world.namespace.slice(-5)}`;
  alarmName = `${endpointName}-5xx-rate`;
  await world.setFaults({
    traffic: { [endpointName]: { requestsPerMinute: 6000 } },
    images: { [badImage]: { modelLatencyMs: 60, latencyJitterMs: 10, errorRate5xx: 0.4, errorRate4xx: 0.004 } },
    cloudwatchAlarms: {
      [alarmName]: {
        metricName: 'Invocation5XXErrors',
        dimensions: { EndpointName: endpointName, VariantName: 'primary' },
        statistic: 'Average',
        // ALARM on 2 breaching periods of the last 10: it fires about 20 s into the canary and stays in ALARM for
        // about a minute after the errors stop, so a page refreshing every 10 s sees it. Both fleets publish under
        // the variant's name, so with a 25% canary the rate is about 10%. The old model's 0.1% stays far below the
        // threshold even in a period cut short by the create, where one error in 100 requests would cross 1%:
        // an alarm fired before the canary took traffic would roll back with nothing to judge.
        periodSeconds: 10,
        evaluationPeriods: 10,
        datapointsToAlarm: 2,
        threshold: 0.05,
        comparisonOperator: 'GreaterThanThreshold',
        treatMissingData: 'notBreaching',
      },
    },
  });
});
test.afterAll(async () => world?.stop());

test('a bad-image canary: the alarm strip turns red, SageMaker rolls back, the verdict fails on the error rate', async ({
  page,
}) => {
  await world.inServiceEndpoint(endpointName, [{ name: 'primary', count: 4 }]);
  await world.createModel(`${endpointName}-model-bad`, badImage);
  await signInAs(page, 'ml-eng', { next: `/endpoints/${world.namespace}/${endpointName}` });

  // Before the rollout: the endpoint's own traffic, read from CloudWatch.
  await expect(page.getByTestId('invocations-chart')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('metrics-source')).toHaveCount(0);

  await page.goto(`/endpoints/${world.namespace}/${endpointName}/rollout`);
  await expect(page.getByTestId('rollout-form')).toBeVisible();
  await page.getByLabel('Start from').selectOption({ label: 'Preset: Blue/green canary' });
  await page.getByLabel('Model for primary').selectOption(`${endpointName}-model-bad`);
  await page.getByLabel('Canary size').fill('25');
  await page.getByRole('button', { name: 'Add alarm' }).click();
  await page.getByLabel('Alarm name').fill(alarmName);
  await page.getByLabel('Reason').fill('new ranker image');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(new RegExp(`/endpoints/${world.namespace}/${endpointName}$`), { timeout: 20_000 });

  // The alarm strip follows the alarm in CloudWatch, live.
  const alarm = page.getByTestId(`alarm-${alarmName}`);
  await expect(alarm).toHaveAttribute('data-state', 'ALARM', { timeout: 120_000 });
  await expect(alarm).toContainText('Threshold Crossed');

  // SageMaker rolls back on its own, and the banner names the alarm and when it fired, from its history.
  const banner = page.getByTestId('rolled-back-banner');
  await expect(banner).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('rollback-alarm')).toContainText(alarmName);
  await expect(page.getByTestId('rollback-alarm')).toContainText('ALARM');

  // The verdict compared the new fleet's own series with the old fleet's: a fail, on the 5XX error rate.
  const verdict = page.getByTestId('verdict-panel');
  await expect(verdict).toHaveAttribute('data-outcome', 'fail', { timeout: 30_000 });
  const errorRate = page.getByTestId('verdict-metric').filter({ hasText: /5XX/ });
  await expect(errorRate).toHaveAttribute('data-outcome', 'high');
});
