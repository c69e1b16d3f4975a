/** A timestamp as Kubernetes serialises metav1.Time: RFC 3339 in UTC, whole seconds. */
export const rfc3339 = (time: number | Date) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
