import type { Metadata } from 'next';
import { EndpointDetailView } from '@/components/endpoint-detail/endpoint-detail-view';

type Params = Promise<{ namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `${name} in ${namespace} · Fleetdeck` };
}

/** One endpoint: status, health, fleets, history and the objects it is made of. */
export default async function EndpointPage({ params }: { params: Params }) {
  const { namespace, name } = await params;
  return <EndpointDetailView namespace={namespace} name={name} />;
}
