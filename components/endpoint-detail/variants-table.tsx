import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { variantImages } from '@/lib/endpoints/variant-images';
import { Cell, ColumnHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import { TitledSection } from '@/components/ui/titled-section';
import { VariantCells, VariantColumnHeaders } from './variant-columns';

/** The running variants: weight and instances (current against desired), instance type, model and images. */
export function VariantsTable({ summary }: { summary: EndpointSummary }) {
  const { variants } = summary;
  // While a deployment runs the running variants come from a config SageMaker does not name (the spec already
  // names the new one), so their instance type and model may not be known (docs/ack-behaviour.md §4.2).
  const unjoined =
    summary.deployment !== undefined &&
    variants.some((variant) => !variant.serverless && variant.instanceType === undefined);
  return (
    <TitledSection id="variants-heading" title="Running variants" testId="variants-table">
      {variants.length === 0 ? (
        <p>
          {summary.status === 'Creating'
            ? 'None yet: SageMaker is creating the endpoint. The fleet being launched is shown under the deployment above.'
            : 'SageMaker reports no running variants.'}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <Table
            captionStyle="note"
            caption={
              <>
                The fleet SageMaker runs now{summary.deployment ? ' (the old fleet while the deployment runs)' : ''}.
                Instance types and models come from the EndpointConfig it runs; images as the Model names them and as
                SageMaker resolved them.
                {unjoined &&
                  ' SageMaker does not say which config the old fleet runs, so its instance types and models are not known until the deployment ends.'}
              </>
            }
          >
            <TableHeader>
              <VariantColumnHeaders shareLabel="Traffic" />
              <ColumnHeader>Model</ColumnHeader>
              <ColumnHeader>Image, as specified and as resolved</ColumnHeader>
            </TableHeader>
            <tbody>
              {variants.map((variant) => (
                <TableRow key={variant.name} data-testid="variant-row" data-variant={variant.name}>
                  <VariantCells variant={variant} />
                  <Cell mono>{variant.modelName ?? '—'}</Cell>
                  <Cell>
                    <ImageList variant={variant} />
                  </Cell>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </TitledSection>
  );
}

function ImageList({ variant }: { variant: EndpointSummary['variants'][number] }) {
  const images = variantImages(variant);
  if (images.length === 0) return <span>—</span>;
  return (
    <ul className="space-y-1">
      {images.map((image, index) => (
        <li key={index} className="break-all font-mono text-xs">
          <span className="block">
            <span className="font-sans text-slate-600 dark:text-slate-300">Specified: </span>
            {image.specifiedImage ?? '—'}
          </span>
          <span className="block">
            <span className="font-sans text-slate-600 dark:text-slate-300">Resolved: </span>
            {image.resolvedImage ?? 'not resolved yet'}
          </span>
        </li>
      ))}
    </ul>
  );
}
