import Link from 'next/link';
import { defaultFleetQuery, fleetQueryToSearchParams } from '@/lib/endpoints/fleet-query';
import { endpointHref } from './endpoint-link';

/**
 * Where an endpoint page sits: Endpoints / its namespace (the list filtered to it) / the endpoint, which is a
 * link on pages below the endpoint's own (pass `linkEndpoint`).
 */
export function EndpointBreadcrumb({
  namespace,
  name,
  linkEndpoint = false,
}: {
  namespace: string;
  name: string;
  linkEndpoint?: boolean;
}) {
  const link = 'underline-offset-2 hover:underline';
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-300">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/endpoints" className={link}>
            Endpoints
          </Link>
          <span aria-hidden="true"> /</span>
        </li>
        <li>
          <Link
            href={`/endpoints?${fleetQueryToSearchParams({ ...defaultFleetQuery, namespaces: [namespace] })}`}
            className={link}
          >
            {namespace}
          </Link>
          <span aria-hidden="true"> /</span>
        </li>
        <li>
          {linkEndpoint ? (
            <Link href={endpointHref(namespace, name)} className={link}>
              {name}
            </Link>
          ) : (
            <span aria-current="page">{name}</span>
          )}
        </li>
      </ol>
    </nav>
  );
}
