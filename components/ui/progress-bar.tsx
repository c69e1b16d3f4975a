/** A labelled progress bar; `valueText` says in words what the bar shows (stage and time), for everyone. */
export function ProgressBar({
  fraction,
  label,
  valueText,
  overdue = false,
}: {
  fraction: number;
  label: string;
  valueText: string;
  overdue?: boolean;
}) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
    >
      <div
        className={`h-full rounded ${overdue ? 'bg-amber-500' : 'bg-sky-600 dark:bg-sky-400'}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
