import { displayEndpointStatus } from '@/lib/endpoints/status-vocabulary';
import { Badge } from './badge';

/** An endpointStatus as a labelled badge; the label, not the colour, carries the meaning. It may wrap in a narrow column. */
export function StatusBadge({ status }: { status: string | undefined }) {
  const display = displayEndpointStatus(status);
  return <Badge tone={display.tone} label={display.label} title={display.description} wrap="block" />;
}
