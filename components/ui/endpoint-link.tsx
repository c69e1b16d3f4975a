import Link from 'next/link';
import type { ReactNode } from 'react';

/** The detail page of an endpoint; each segment encoded, so a name can never reach another path. */
export function endpointHref(namespace: string, name: string): string {
  return `/endpoints/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/**
 * A link to an endpoint's detail page, labelled with its namespace and name unless told otherwise. It does not
 * prefetch: a virtualized list would otherwise ask the server for every detail page scrolled past.
 */
export function EndpointLink({
  namespace,
  name,
  children,
  className = '',
}: {
  namespace: string;
  name: string;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <Link
      href={endpointHref(namespace, name)}
      prefetch={false}
      className={`font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300 ${className}`}
    >
      {children ?? `${namespace}/${name}`}
    </Link>
  );
}
