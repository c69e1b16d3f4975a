import type { VariantView } from '@/lib/api/endpoint-summary';
import { formatPercent } from '@/lib/format/percent';

// How variant numbers read on the detail page: current first, and the desired value only when it differs,
// since SageMaker reports both and a difference is the interesting part (a change under way).

/** "3", "2 of 3 desired", or "—" when SageMaker reports neither. */
export function currentOfDesired(current: number | undefined, desired: number | undefined): string {
  if (current === undefined && desired === undefined) return '—';
  if (current === undefined) return `${desired} desired`;
  if (desired === undefined || desired === current) return String(current);
  return `${current} of ${desired} desired`;
}

/** A share 0..1 as formatPercent words it ("50%", "5.0%"), or "—" when SageMaker reports none. */
export function percent(share: number | undefined): string {
  return share === undefined || Number.isNaN(share) ? '—' : formatPercent(share);
}

/** A weight as SageMaker holds it (a float), trimmed: "1", "0.25". */
export function weight(value: number | undefined): string {
  return value === undefined ? '—' : String(Number(value.toPrecision(6)));
}

/** A variant's instance type, "Serverless", or "—" when the config it runs is not known. */
export function instanceTypeText(variant: VariantView): string {
  return variant.serverless ? 'Serverless' : (variant.instanceType ?? '—');
}

/** A variant's instances, current against desired, or "Serverless". */
export function instancesText(variant: VariantView): string {
  return variant.serverless
    ? 'Serverless'
    : currentOfDesired(variant.currentInstanceCount, variant.desiredInstanceCount);
}

/** A variant's weight, and the desired weight when SageMaker is moving it: "0.5 of 1 desired". */
export function weightText(variant: VariantView): string {
  return variant.desiredWeight !== undefined && variant.desiredWeight !== variant.currentWeight
    ? `${weight(variant.currentWeight)} of ${weight(variant.desiredWeight)} desired`
    : weight(variant.currentWeight);
}
