import { Callout } from '@/components/ui/callout';

/**
 * An error or warning about a whole section (a variant that must stay, a policy that does not fit the
 * endpoint), where no single field is at fault; the id is where an error summary links to.
 */
export function SectionMessages({ id, error, warning }: { id: string; error?: string; warning?: string }) {
  if (!error && !warning) return null;
  return (
    <div id={id} tabIndex={-1} className="space-y-1">
      {error && (
        <p className="rounded border border-red-400 bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          <span className="font-medium">Error:</span> {error}
        </p>
      )}
      {warning && (
        <Callout as="p" tone="warning" size="xs">
          <span className="font-medium">Warning:</span> {warning}
        </Callout>
      )}
    </div>
  );
}
