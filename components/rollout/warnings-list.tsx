import type { RolloutWarning } from '@/lib/rollout/warnings';

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
        <li
          key={`${warning.code}-${index}`}
          data-code={warning.code}
          className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          <span className="font-medium">Warning:</span> {warning.message}
        </li>
      ))}
    </ul>
  );
}
