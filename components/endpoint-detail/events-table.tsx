import { RelativeTime } from '@/components/ui/relative-time';
import { Cell, ColumnHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import { toneClasses } from '@/components/ui/tone';
import type { KubeEvent } from '@/lib/api/endpoint-detail';
import { TitledSection } from '@/components/ui/titled-section';

const eventTime = (event: KubeEvent) =>
  event.lastTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp ?? undefined;

/** Kubernetes Events about the endpoint, its config and its models, newest first. */
export function EventsTable({ events }: { events: KubeEvent[] }) {
  // A sorted copy: the cache's array is never reordered in place.
  const sorted = [...events].sort((a, b) => (eventTime(b) ?? '').localeCompare(eventTime(a) ?? ''));
  return (
    <TitledSection id="events-heading" title="Kubernetes events" testId="events">
      {sorted.length === 0 ? (
        <p>No events about this endpoint, its config or its models. Kubernetes keeps events for about an hour.</p>
      ) : (
        <div className="overflow-x-auto">
          <Table caption="Events about the endpoint, its config and its models, newest first" density="compact">
            <TableHeader>
              <ColumnHeader>Time</ColumnHeader>
              <ColumnHeader>Type</ColumnHeader>
              <ColumnHeader>Reason</ColumnHeader>
              <ColumnHeader>Object</ColumnHeader>
              <ColumnHeader>Message</ColumnHeader>
              <ColumnHeader className="text-right">Count</ColumnHeader>
            </TableHeader>
            <tbody>
              {sorted.map((event) => (
                <TableRow key={event.metadata.uid ?? event.metadata.name} data-testid="event-row">
                  <Cell>
                    <RelativeTime iso={eventTime(event)} />
                  </Cell>
                  <Cell>
                    <span className={`rounded px-1.5 ${toneClasses[event.type === 'Warning' ? 'warning' : 'neutral']}`}>
                      {event.type ?? '—'}
                    </span>
                  </Cell>
                  <Cell mono>{event.reason ?? '—'}</Cell>
                  <Cell mono className="break-all text-xs">
                    {event.involvedObject
                      ? `${event.involvedObject.kind ?? ''}/${event.involvedObject.name ?? ''}`
                      : '—'}
                  </Cell>
                  <Cell className="break-words">{event.message ?? ''}</Cell>
                  <Cell numeric>{event.count ?? 1}</Cell>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </TitledSection>
  );
}
