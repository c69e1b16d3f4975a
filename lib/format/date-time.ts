// Building a formatter is far dearer than using one, and a long table formats a date per row.
let absolute: Intl.DateTimeFormat | undefined;

/** A timestamp as the person's local date and time, for titles beside relative times; text that is no date comes back as is. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  absolute ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return absolute.format(at);
}
