// What the CloudWatch tests set up on both sides: Endpoints located in an account and region (as the controller
// reports them) and guarded by rollback alarms, and such an alarm in the simulated CloudWatch, already firing.
import { DescribeAlarmsCommand, PutMetricAlarmCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { customObjectsAs } from './control-plane';
import { coordinates, endpointBody } from './sagemaker-objects';

export interface LocatedEndpoint {
  account: string;
  region: string;
  /** The alarms of its autoRollbackConfiguration. */
  alarms?: string[];
  /** Its variants as the controller reports them; one provisioned variant `blue` by default. */
  variants?: Record<string, unknown>[];
}

/** An InService Endpoint in `namespace`, located in `account` and `region`, guarded by `alarms`. */
export async function createLocatedEndpoint(namespace: string, name: string, located: LocatedEndpoint) {
  const where = coordinates('Endpoint', namespace);
  const body = endpointBody(name);
  const alarms = located.alarms ?? [];
  const rollback = { autoRollbackConfiguration: { alarms: alarms.map((alarmName) => ({ alarmName })) } };
  await customObjectsAs('admin').createNamespacedCustomObject({
    ...where,
    body: { ...body, spec: { ...body.spec, ...(alarms.length > 0 ? { deploymentConfig: rollback } : {}) } },
  });
  await customObjectsAs('admin').patchNamespacedCustomObjectStatus(
    {
      ...where,
      name,
      body: {
        status: {
          endpointStatus: 'InService',
          ackResourceMetadata: { ownerAccountID: located.account, region: located.region },
          productionVariants: located.variants ?? [{ variantName: 'blue', currentWeight: 1, currentInstanceCount: 1 }],
        },
      },
    },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
}

/**
 * An alarm on the 5XX errors of `endpointName`'s `variantName` that treats missing data as breaching, so the
 * simulator's next evaluation (each second) puts it in ALARM; resolves once it is there (or after 5 s).
 */
export async function putFiringAlarm(
  cloudwatch: CloudWatchClient,
  alarmName: string,
  endpointName: string,
  variantName: string,
) {
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: alarmName,
      Namespace: 'AWS/SageMaker',
      MetricName: 'Invocation5XXErrors',
      Dimensions: [
        { Name: 'EndpointName', Value: endpointName },
        { Name: 'VariantName', Value: variantName },
      ],
      Statistic: 'Sum',
      TreatMissingData: 'breaching',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  for (let tries = 0; tries < 50; tries++) {
    const { MetricAlarms } = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [alarmName] }));
    if (MetricAlarms?.[0]?.StateValue === 'ALARM') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
