import type { Metadata } from 'next';
import { RolloutPage } from '@/components/rollout/rollout-page';

type Params = Promise<{ namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `Roll out ${name} in ${namespace} · Fleetdeck` };
}

/** The rollout form of one endpoint: a new config, its policy, plan and diff, dry run and apply, and the history. */
export default async function RolloutRoute({ params }: { params: Params }) {
  const { namespace, name } = await params;
  return <RolloutPage namespace={namespace} name={name} />;
}
