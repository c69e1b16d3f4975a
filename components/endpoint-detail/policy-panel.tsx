import { SafeLink } from '@/components/ui/safe-link';
import { policyText } from '@/lib/endpoints/policy-text';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { alarmConsoleUrl } from './aws-console';
import { TitledSection } from '@/components/ui/titled-section';

/** spec.deploymentConfig in words: what the next (or current) update does, step by step, and what guards it. */
export function PolicyPanel({
  deploymentConfig,
  region,
  partition,
}: {
  deploymentConfig: DeploymentConfig | undefined;
  region?: string;
  partition?: string;
}) {
  const text = policyText(deploymentConfig);
  const alarms = (deploymentConfig?.autoRollbackConfiguration?.alarms ?? []).flatMap((alarm) =>
    alarm.alarmName ? [alarm.alarmName] : [],
  );
  const guarded = Boolean(deploymentConfig?.blueGreenUpdatePolicy ?? deploymentConfig?.rollingUpdatePolicy);
  return (
    <TitledSection id="policy-heading" title="Deployment policy" testId="policy">
      <p className="font-medium" data-testid="policy-title">
        {text.title}
      </p>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        {text.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <ul aria-label="Safeguards" className="mt-2 list-disc space-y-1 pl-5">
        {text.safeguards.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {guarded && alarms.length > 0 && (
        <p className="mt-2 text-sm">
          Alarms in CloudWatch:{' '}
          {alarms.map((alarm, index) => (
            <span key={alarm}>
              {index > 0 && ', '}
              <SafeLink href={alarmConsoleUrl(region, partition, alarm)} className="font-mono">
                {alarm}
              </SafeLink>
            </span>
          ))}
        </p>
      )}
    </TitledSection>
  );
}
