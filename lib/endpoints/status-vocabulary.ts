import type { Tone } from '@/lib/format/tone';
import { failedMeaning } from './status-facts';

/** How an endpointStatus reads to a person. `tone` drives colour; it never carries meaning alone. */
export interface StatusDisplay {
  label: string;
  tone: Tone;
  description: string;
}

/** Every endpointStatus SageMaker reports (CRD description; docs/ack-behaviour.md §7.1). */
export const endpointStatusDisplay: Record<string, StatusDisplay> = {
  InService: { label: 'In service', tone: 'ok', description: 'Serving traffic.' },
  Creating: { label: 'Creating', tone: 'progress', description: 'SageMaker is launching the first fleet.' },
  Updating: { label: 'Updating', tone: 'progress', description: 'A deployment to a new config is in progress.' },
  SystemUpdating: { label: 'System updating', tone: 'progress', description: 'AWS maintenance is in progress.' },
  RollingBack: {
    label: 'Rolling back',
    tone: 'warning',
    description: 'SageMaker is sending traffic back to the old fleet.',
  },
  Deleting: { label: 'Deleting', tone: 'progress', description: 'SageMaker is deleting the endpoint.' },
  OutOfService: { label: 'Out of service', tone: 'error', description: 'Not available for requests.' },
  // SageMaker: "could not be created, updated, or re-scaled"; only DeleteEndpoint is possible (docs/ack-behaviour.md §7.1).
  Failed: {
    label: 'Failed',
    tone: 'error',
    description: `${failedMeaning}; only a delete is possible, so delete and re-create it.`,
  },
  UpdateRollbackFailed: {
    label: 'Rollback failed',
    tone: 'error',
    description: 'An update failed and so did its rollback; the fleet may be mixed.',
  },
};

/** The display of a status, including one this code does not know yet and an endpoint not yet reported. */
export function displayEndpointStatus(status: string | undefined): StatusDisplay {
  if (status === undefined)
    return { label: 'Pending', tone: 'neutral', description: 'The controller has not reported yet.' };
  return (
    endpointStatusDisplay[status] ?? {
      label: status,
      tone: 'neutral',
      description: 'A status Fleetdeck does not know.',
    }
  );
}
