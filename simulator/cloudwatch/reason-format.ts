// How CloudWatch writes numbers and times in alarm reasons and their JSON: it is a Java service, so a double is
// printed as Java prints it (10.0, 0.0175, 1.0E-4, 1.5E7), a datapoint's time in a reason as dd/MM/yy HH:mm:ss
// and a time in the JSON as 2026-06-12T14:02:00.000+0000, all in UTC.

/** Java's Double.toString: always a fraction digit, scientific notation below 1e-3 and from 1e7. */
export function javaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A datapoint's time as a state reason shows it: 06/12/26 14:02:00 (day first). */
export function reasonTime(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return (
    `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** A time as StateReasonData writes it: 2026-06-12T14:02:00.000+0000. */
export function javaTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

/** A number JSON must print as a Java double (30.0 rather than 30). */
export class JavaDouble {
  constructor(readonly value: number) {}
}

/** JSON with JavaDouble values printed as Java prints them; other values as JSON.stringify does. */
export function javaJson(value: unknown): string {
  if (value instanceof JavaDouble) {
    return Number.isFinite(value.value) ? javaDouble(value.value) : 'null';
  }
  if (Array.isArray(value)) return `[${value.map(javaJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${fields.map(([name, field]) => `${JSON.stringify(name)}:${javaJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
