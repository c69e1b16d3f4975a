import { ColumnHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import type { DiffEntry } from '@/lib/rollout/diff';

const kindText: Record<DiffEntry['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/** A value of a diff as text: strings as they are, everything else as JSON, absent as a dash. */
const shown = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An added or removed object shown as its fields, one row each, so a whole new policy reads field by field. */
function leaves(entry: DiffEntry): DiffEntry[] {
  const value = entry.kind === 'added' ? entry.after : entry.kind === 'removed' ? entry.before : undefined;
  if (!isObject(value) || Object.keys(value).length === 0) return [entry];
  return Object.keys(value)
    .sort()
    .flatMap((key) =>
      leaves({
        path: `${entry.path}.${key}`,
        kind: entry.kind,
        ...(entry.kind === 'added' ? { after: value[key] } : { before: value[key] }),
      }),
    );
}

/** One diff as a table, field by field: path, change, before and after. */
export function DiffTable({ caption, entries, testId }: { caption: string; entries: DiffEntry[]; testId?: string }) {
  if (entries.length === 0) {
    return (
      <p data-testid={testId} data-empty="true" className="text-sm">
        <span className="font-medium">{caption}:</span> no change.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <Table data-testid={testId} caption={caption} captionStyle="title">
        <TableHeader>
          <ColumnHeader>Path</ColumnHeader>
          <ColumnHeader>Change</ColumnHeader>
          <ColumnHeader>Before</ColumnHeader>
          <ColumnHeader>After</ColumnHeader>
        </TableHeader>
        <tbody>
          {entries.flatMap(leaves).map((entry) => (
            <TableRow key={entry.path} data-testid="diff-entry" data-path={entry.path} data-kind={entry.kind}>
              <th scope="row" className="break-all py-1 pr-3 font-mono font-normal">
                {entry.path}
              </th>
              <td className="py-1 pr-3">{kindText[entry.kind]}</td>
              <td className="break-all py-1 pr-3 font-mono text-red-800 dark:text-red-300">{shown(entry.before)}</td>
              <td className="break-all py-1 font-mono text-emerald-800 dark:text-emerald-300">{shown(entry.after)}</td>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
