import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { TitledSection } from '@/components/ui/titled-section';
import { DeploymentStepper } from './deployment-stepper';
import { FleetTable } from './fleet-table';

/** While SageMaker deploys: the old and the new fleet side by side, and where the deployment stands. */
export function DeploymentPanel({ summary }: { summary: EndpointSummary }) {
  const deployment = summary.deployment;
  const creating = summary.status === 'Creating';
  if (!deployment && !creating) return null;
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
        fleet&apos;s share is of that fleet&apos;s traffic, from its variants&apos; weights; how traffic is split
        between the fleets is in SageMaker&apos;s stage message.
      </p>
      <div className="mb-4 flex flex-col gap-3 md:flex-row">
        <FleetTable
          title="Old fleet (serving now)"
          variants={summary.variants}
          empty={creating ? 'None: the endpoint is being created.' : 'SageMaker reports no running variants.'}
          testId="old-fleet"
        />
        <FleetTable
          title="New fleet"
          configName={deployment?.configName}
          variants={deployment?.variants ?? []}
          empty="SageMaker has not reported the new fleet yet."
          testId="new-fleet"
        />
      </div>
      <DeploymentStepper summary={summary} />
    </TitledSection>
  );
}
