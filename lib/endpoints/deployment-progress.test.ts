import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { deploymentProgress } from './deployment-progress';
import { makeEndpoint, referenceEndpoint, runningVariant, summaryOf } from './fixtures.test-support';

const now = new Date('2026-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
const canary: DeploymentConfig = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] },
  blueGreenUpdatePolicy: {
    terminationWaitInSeconds: 300,
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 600,
      canarySize: { type_: 'CAPACITY_PERCENT', value: 10 },
    },
  },
};
const { autoRollbackConfiguration: _alarms, ...canaryWithoutAlarms } = canary;
const rolling: DeploymentConfig = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] },
  rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 120 },
};
const { autoRollbackConfiguration: _rollingAlarms, ...rollingWithoutAlarms } = rolling;

/** A summary of an endpoint updating for `elapsed` seconds, in `stage` for `inStage` seconds. */
function updating(
  stage: string | undefined,
  options: {
    elapsed?: number;
    inStage?: number;
    message?: string;
    policy?: DeploymentConfig;
    expected?: number;
    weights?: [current: number, desired: number];
  } = {},
) {
  const endpoint = makeEndpoint({
    spec: options.policy ? { deploymentConfig: options.policy } : {},
    status: {
      endpointStatus: 'Updating',
      productionVariants: [runningVariant('a', 2, 'img:1')],
      pendingDeploymentSummary: {
        endpointConfigName: 'cfg-v2',
        startTime: ago(options.elapsed ?? 100),
        productionVariants: [
          {
            variantName: 'a',
            ...(options.weights ? { currentWeight: options.weights[0], desiredWeight: options.weights[1] } : {}),
            ...(stage
              ? {
                  variantStatus: [
                    {
                      status: stage,
                      statusMessage: options.message ?? `${stage}.`,
                      startTime: ago(options.inStage ?? 10),
                    },
                  ],
                }
              : {}),
          },
        ],
      },
    },
  });
  const summary = summaryOf(endpoint);
  if (options.expected === undefined) delete summary.expectedDeploymentSeconds;
  else summary.expectedDeploymentSeconds = options.expected;
  return summary;
}

describe('deploymentProgress', () => {
  it.each([
    ['Creating', ['current', 'todo', 'todo']],
    ['Updating', ['current', 'todo', 'todo']],
    ['ActivatingTraffic', ['done', 'current', 'todo']],
    ['Baking', ['done', 'done', 'current']],
    ['Deleting', ['done', 'done', 'done']],
    ['Reticulating', ['todo', 'todo', 'todo']],
    [undefined, ['todo', 'todo', 'todo']],
  ])('stage %s gives steps %j', (stage, states) => {
    const progress = deploymentProgress(updating(stage), now)!;
    expect(progress.steps.map((step) => step.name)).toEqual(['Creating', 'ActivatingTraffic', 'Baking']);
    expect(progress.steps.map((step) => step.state)).toEqual(states);
  });

  it('dates the deployment, the first step and the current stage', () => {
    const progress = deploymentProgress(
      updating('ActivatingTraffic', { elapsed: 500, inStage: 30, message: 'Shifting 10% of traffic.' }),
      now,
    )!;
    expect(progress.startedAt).toBe(ago(500));
    expect(progress.elapsedSeconds).toBe(500);
    expect(progress.steps[0]).toMatchObject({ state: 'done', startedAt: ago(500) });
    expect(progress.steps[1]).toMatchObject({ state: 'current', startedAt: ago(30) });
    expect(progress.steps[2]).not.toHaveProperty('startedAt');
    expect(progress.stage).toEqual({
      status: 'ActivatingTraffic',
      message: 'Shifting 10% of traffic.',
      startedAt: ago(30),
    });
  });

  it.each([
    [
      'a blue/green bake against waitIntervalInSeconds',
      updating('Baking', { policy: canary, inStage: 200, weights: [0.1, 1] }),
      600,
      400,
    ],
    [
      'a blue/green bake before SageMaker reports weights, against waitIntervalInSeconds',
      updating('Baking', { policy: canary, inStage: 200 }),
      600,
      400,
    ],
    // Once the new fleet carries its whole desired weight, the last bake and the termination wait run as one stage.
    [
      'the final bake and the wait before the old fleet goes',
      updating('Baking', { policy: canary, inStage: 100, weights: [1, 1] }),
      900,
      800,
    ],
    [
      'the wait before the old fleet goes without alarms, against terminationWaitInSeconds',
      updating('Baking', { policy: canaryWithoutAlarms, inStage: 100, weights: [2, 2] }),
      300,
      200,
    ],
    // StatusMessage is free text: a message about terminating does not make a mid-way bake the termination wait.
    [
      'a bake mid-way whatever its message says',
      updating('Baking', {
        policy: canary,
        inStage: 100,
        weights: [0.1, 1],
        message: 'Waiting 300 seconds before terminating the old fleet.',
      }),
      600,
      500,
    ],
    // Without alarms nothing bakes between steps, so a Baking stage is the wait before the old fleet goes.
    [
      'the wait before the old fleet goes without alarms, before SageMaker reports weights',
      updating('Baking', { policy: canaryWithoutAlarms, inStage: 100 }),
      300,
      200,
    ],
    ['a rolling batch bake', updating('Baking', { policy: rolling, inStage: 30 }), 120, 90],
    ['a bake running over its plan', updating('Baking', { policy: rolling, inStage: 500 }), 120, 0],
  ])('counts down %s', (_name, summary, bakeSeconds, remaining) => {
    expect(deploymentProgress(summary, now)).toMatchObject({ bakeSeconds, bakeRemainingSeconds: remaining });
  });

  it.each([
    ['no policy', updating('Baking')],
    ['a stage that is not a bake', updating('ActivatingTraffic', { policy: canary })],
    // SageMaker bakes only while it watches alarms, and a rolling update has no termination wait.
    ['a rolling policy without alarms', updating('Baking', { policy: rollingWithoutAlarms, inStage: 30 })],
    [
      'a blue/green policy without alarms or a termination wait',
      updating('Baking', {
        policy: {
          blueGreenUpdatePolicy: {
            trafficRoutingConfiguration: {
              type_: 'LINEAR',
              waitIntervalInSeconds: 600,
              linearStepSize: { type_: 'CAPACITY_PERCENT', value: 20 },
            },
          },
        },
        inStage: 30,
        weights: [0.2, 1],
      }),
    ],
  ])('has no bake countdown with %s', (_name, summary) => {
    const progress = deploymentProgress(summary, now)!;
    expect(progress).not.toHaveProperty('bakeSeconds');
    expect(progress).not.toHaveProperty('bakeRemainingSeconds');
  });

  it('measures against the policy’s plan and says when it is overdue', () => {
    const onTime = deploymentProgress(updating('ActivatingTraffic', { elapsed: 600, expected: 1200 }), now)!;
    expect(onTime).toMatchObject({ expectedSeconds: 1200, overdue: false, fraction: 0.5 });
    const late = deploymentProgress(updating('ActivatingTraffic', { elapsed: 1300, expected: 1200 }), now)!;
    expect(late).toMatchObject({ overdue: true, fraction: 0.99 });
  });

  it('never moves the bar back behind the steps already done', () => {
    expect(deploymentProgress(updating('Baking', { elapsed: 60, expected: 1200 }), now)!.fraction).toBeCloseTo(2 / 3);
  });

  it('falls back to the steps without a plan', () => {
    expect(deploymentProgress(updating('Creating'), now)!.fraction).toBeCloseTo(1 / 6);
    expect(deploymentProgress(updating('Baking', { policy: rolling, inStage: 60 }), now)!.fraction).toBeCloseTo(
      (2 + 0.5) / 3,
    );
    expect(deploymentProgress(updating('Creating'), now)).toMatchObject({ overdue: false });
    expect(deploymentProgress(updating('Creating'), now)).not.toHaveProperty('expectedSeconds');
  });

  it('shows a create before SageMaker reports a deployment, from the object’s creation (controller fixture)', () => {
    const endpoint = referenceEndpoint('readone/observed/creating_after_describe.yaml');
    const summary = summaryOf({ ...endpoint, metadata: { ...endpoint.metadata, creationTimestamp: ago(90) } });
    const progress = deploymentProgress(summary, now)!;
    expect(progress).toMatchObject({ startedAt: ago(90), elapsedSeconds: 90, stage: { status: 'Creating' } });
    expect(progress.steps.map((step) => step.state)).toEqual(['current', 'todo', 'todo']);
  });

  it('takes the plan of the controller’s updating fixture and finds it long overdue (zeroed timestamps)', () => {
    const summary = summaryOf(referenceEndpoint('readone/observed/updating_deployment.yaml'));
    const progress = deploymentProgress(summary, now)!;
    expect(progress.expectedSeconds).toBe(summary.expectedDeploymentSeconds);
    expect(progress).toMatchObject({
      overdue: true,
      stage: { status: 'Creating', message: 'Launching 3 instance(s).' },
    });
  });

  it('is undefined when nothing is being deployed', () => {
    expect(
      deploymentProgress(
        summaryOf(referenceEndpoint('readone/observed/inservice_no_failure_after_describe.yaml')),
        now,
      ),
    ).toBeUndefined();
  });
});
