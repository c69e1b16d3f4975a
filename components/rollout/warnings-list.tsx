import type { RolloutWarning } from '@/lib/rollout/warnings';
import { Callout } from '@/components/ui/callout';

/** What will turn out differently from what the draft suggests (lib/rollout/warnings.ts); none is an error. */
export function WarningsList({ warnings }: { warnings: RolloutWarning[] }) {
  if (warnings.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        No warnings: the rollout should do what the draft says.
      </p>
    );
  return (
    <ul className="space-y-2">
      {warnings.map((warning, index) => (
        <Callout as="li" tone="warning" size="xs" key={`${warning.code}-${index}`} data-code={warning.code}>
          <span className="font-medium">Warning:</span> {warning.message}
        </Callout>
      ))}
    </ul>
  );
}
