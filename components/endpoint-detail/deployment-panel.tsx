import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { TitledSection } from '@/components/ui/titled-section';
import { runningConfigUnknownText } from '@/lib/endpoints/running-config';
import { formatPercent } from '@/lib/format/percent';
import { AlarmStrip } from './alarm-strip';
import { DeploymentStepper } from './deployment-stepper';
import { FleetTable } from './fleet-table';

/** While SageMaker deploys: the old and the new fleet side by side, and where the deployment stands. */
export function DeploymentPanel({
  summary,
  region,
  partition,
}: {
  summary: EndpointSummary;
  region: string | undefined;
  partition: string | undefined;
}) {
  const deployment = summary.deployment;
  const creating = summary.status === 'Creating';
  if (!deployment && summary.status === 'RollingBack') {
    // SageMaker drops the new fleet from the status as it rolls back; the alarms that caused it still matter.
    return (
      <TitledSection id="deployment-heading" title="Rollback in progress" testId="deployment">
        <p className="mb-3 text-sm">
          SageMaker is moving the endpoint back to the config it ran before the update
          {summary.failureReason ? `: ${summary.failureReason}` : '.'}
        </p>
        <AlarmStrip summary={summary} region={region} partition={partition} />
      </TitledSection>
    );
  }
  if (!deployment && !creating) return null;
  const previous = deployment?.previousConfig;
  const split = deployment?.newFleetShare;
  // Derived, never reported by SageMaker: say so wherever it is shown.
  const share = (value: number | undefined) =>
    value === undefined ? undefined : `${formatPercent(value)} of the endpoint's traffic (derived)`;
  return (
    <TitledSection
      id="deployment-heading"
      title={creating ? 'Creation in progress' : 'Deployment in progress'}
      testId="deployment"
    >
      <p className="mb-3 text-sm">
        {creating ? 'SageMaker is launching the first fleet' : 'SageMaker is moving the endpoint to a new config'}
        {deployment?.configName && (
          <>
            {' '}
            <span className="font-mono">{deployment.configName}</span>
          </>
        )}
        {summary.policy && !creating ? `, following the ${summary.policy.toLowerCase()} policy.` : '.'} Each
        variant&apos;s share is of its own fleet&apos;s traffic, from the weights SageMaker reports. SageMaker does not
        report how traffic is split between the old and the new fleet: Fleetdeck derives that from the deployment stage
        SageMaker reports and the policy&apos;s step sizes.
      </p>
      <div className="mb-4 flex flex-col gap-3 md:flex-row">
        <FleetTable
          title="Old fleet (serving now)"
          configName={previous && 'name' in previous ? previous.name : undefined}
          configUnknown={previous && 'unknown' in previous ? runningConfigUnknownText[previous.unknown] : undefined}
          trafficNote={split === undefined ? undefined : share(1 - split)}
          variants={summary.variants}
          empty={creating ? 'None: the endpoint is being created.' : 'SageMaker reports no running variants.'}
          testId="old-fleet"
        />
        <FleetTable
          title="New fleet"
          configName={deployment?.configName}
          trafficNote={share(split)}
          variants={deployment?.variants ?? []}
          empty="SageMaker has not reported the new fleet yet."
          testId="new-fleet"
        />
      </div>
      {/* The alarms beside the bake countdown: they decide whether the bake ends in a rollback (a create has none). */}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <DeploymentStepper summary={summary} />
        {!creating && <AlarmStrip summary={summary} region={region} partition={partition} />}
      </div>
    </TitledSection>
  );
}
