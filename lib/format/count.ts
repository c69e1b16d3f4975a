// Building a formatter is far dearer than using one, and a chart's table formats a value per cell.
let grouped: Intl.NumberFormat | undefined;

/** A count (invocations, instances) as a whole number with the person's digit grouping: "12,400". */
export function formatCount(value: number): string {
  grouped ??= new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  return grouped.format(Math.round(value));
}
