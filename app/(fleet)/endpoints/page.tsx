import { EndpointList } from '@/components/endpoint-list/endpoint-list';

export default function EndpointsPage() {
  return <EndpointList />;
}
