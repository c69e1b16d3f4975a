import type { HealthLevel } from '@/lib/endpoints/health';
import type { Tone } from '@/lib/format/tone';

/** How each health level reads to a person; the label carries the meaning, the tone only repeats it. */
export const healthDisplay: Record<HealthLevel, { label: string; tone: Tone; description: string }> = {
  critical: {
    label: 'Critical',
    tone: 'error',
    description: 'Failed, out of service, rolled back, or the controller gave up.',
  },
  warning: {
    label: 'Warning',
    tone: 'warning',
    description: 'Serving, but something needs a look: a retry, a failed update or a rollback under way.',
  },
  progressing: { label: 'Progressing', tone: 'progress', description: 'A create, update or delete is under way.' },
  unknown: {
    label: 'Unknown',
    tone: 'neutral',
    description: 'Not reported yet, or in a state Fleetdeck does not know.',
  },
  healthy: { label: 'Healthy', tone: 'ok', description: 'In service with nothing to report.' },
};
