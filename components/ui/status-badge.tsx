import { displayEndpointStatus } from '@/lib/endpoints/status-vocabulary';
import { toneClasses } from './tone';

/** An endpointStatus as a labelled badge; the label, not the colour, carries the meaning. It may wrap in a narrow column. */
export function StatusBadge({ status }: { status: string | undefined }) {
  const display = displayEndpointStatus(status);
  return (
    <span
      title={display.description}
      className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${toneClasses[display.tone]}`}
    >
      {display.label}
    </span>
  );
}
