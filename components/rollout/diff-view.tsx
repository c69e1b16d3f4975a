import type { RolloutDiff } from '@/lib/rollout/diff';
import { DiffTable } from './diff-table';

/** What a rollout changes: the Endpoint's spec and the new EndpointConfig, each against the live one. */
export function DiffView({
  diff,
  configName,
  liveConfigName,
  testIdPrefix = 'diff',
}: {
  diff: RolloutDiff;
  configName: string;
  liveConfigName: string;
  testIdPrefix?: string;
}) {
  return (
    <div className="space-y-4">
      <DiffTable caption="Endpoint spec" entries={diff.endpoint} testId={`${testIdPrefix}-endpoint`} />
      <DiffTable
        caption={`New EndpointConfig ${configName} against the live ${liveConfigName}`}
        entries={diff.config}
        testId={`${testIdPrefix}-config`}
      />
    </div>
  );
}
