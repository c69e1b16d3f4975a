// Fleetdeck signing with a wrong secret key: CloudWatch answers SignatureDoesNotMatch, which the metrics routes
// report in `source` with a 200 and a fixed sentence about the credentials, the rest empty.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { configureServer } from '../support/api-client';
import { cloudWatchFailureSetup } from '../support/cloudwatch-failure-setup';
import { startCloudWatchSimulator } from '../support/cloudwatch-simulator';

const sim = await startCloudWatchSimulator();
configureServer({ ...sim.env, AWS_SECRET_ACCESS_KEY: `${sim.credentials.allowed.secretAccessKey}-wrong` });

let routes: Awaited<ReturnType<typeof cloudWatchFailureSetup>>;

beforeAll(async () => {
  routes = await cloudWatchFailureSetup(sim.region, 'badsig');
});

afterAll(() => sim.stop());

it('answers 200 with SignatureDoesNotMatch in source and the rest empty', async () => {
  const body = await routes.readEndpointWhenLocated();
  expect(body.source).toMatchObject({ state: 'error', code: 'SignatureDoesNotMatch' });
  expect(body.source.state === 'error' && body.source.message).toMatch(
    /^CloudWatch did not accept Fleetdeck’s AWS credentials \(SignatureDoesNotMatch\)/,
  );
  expect(body).toMatchObject({ variants: [], alarms: [], alarmHistory: [] });
  expect(body.readAt).toBeUndefined();
});

it('answers the fleet route the same way', async () => {
  const body = await routes.readFleet();
  expect(body.source).toMatchObject({ state: 'error', code: 'SignatureDoesNotMatch' });
  // The row is there, without numbers, saying why.
  expect(body.rows).toEqual([
    { namespace: routes.namespace, name: routes.name, alarmsInAlarm: [], source: body.source },
  ]);
});
