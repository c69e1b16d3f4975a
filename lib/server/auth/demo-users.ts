import 'server-only';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { serverConfig } from '../config';

/** The one-click users of demo mode, in the order the sign-in page offers them. */
export const demoUserNames = ['admin', 'ml-eng', 'oncall'] as const;
export type DemoUser = (typeof demoUserNames)[number];

/** Demo users whose kubeconfig exists, or none outside demo mode. */
export function availableDemoUsers(): DemoUser[] {
  const dir = serverConfig().FLEETDECK_DEMO_KUBECONFIGS;
  if (!dir || serverConfig().FLEETDECK_AUTH_MODE !== 'token') return [];
  return demoUserNames.filter((user) => existsSync(join(dir, `${user}.kubeconfig`)));
}

/** The bearer token of a demo user, read on the server; it reaches the browser only inside the sealed cookie. */
export function demoUserToken(user: DemoUser): string | undefined {
  const dir = serverConfig().FLEETDECK_DEMO_KUBECONFIGS;
  if (!dir || !availableDemoUsers().includes(user)) return undefined;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(join(dir, `${user}.kubeconfig`));
  return kubeConfig.getCurrentUser()?.token;
}
