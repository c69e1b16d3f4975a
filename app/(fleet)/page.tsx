import { FleetOverview } from '@/components/overview/fleet-overview';

export default function OverviewPage() {
  return <FleetOverview />;
}
