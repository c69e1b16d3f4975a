// The dashboard run as the Helm chart's Deployment runs it in a pod: the chart rendered by Helm and applied
// to the API server; the standalone output as the image holds it (image-like-server.ts); the container's
// environment taken from the rendered Deployment; in-cluster configuration (KUBERNETES_SERVICE_HOST and
// _PORT, and the ServiceAccount's token, CA and namespace at /var/run/secrets/kubernetes.io/serviceaccount)
// from the TokenRequest API, as the kubelet would mount it; and the Deployment's Secret volumes at their
// mount paths. test/support/run-in-pod.sh places the files in a mount namespace of the server's own.
import { CoreV1Api, type KubeConfig, type V1Deployment, type V1EnvVar, type V1Secret } from '@kubernetes/client-node';
import { chownSync, chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyObjects, parseManifests, serviceAccountIdentity, type Manifest } from './helm-manifests';
import { renderChart } from './helm';
import { IMAGE_ENV, IMAGE_GID, IMAGE_UID, imageRoot, imageServerCommand } from './image-like-server';
import { repoRoot } from './repo-root';

const SERVICE_ACCOUNT_DIR = 'secrets/kubernetes.io/serviceaccount';

export interface PodLikeServerOptions {
  admin: KubeConfig;
  namespace: string;
  release: string;
  /** Values by Helm path, as `helm template --set-json` takes them. */
  values: Record<string, unknown>;
  /** Secrets the chart expects to exist beforehand (e.g. demo users' kubeconfigs). */
  secrets?: V1Secret[];
  /** The port this server listens on here: a pod has a network namespace of its own, this process does not. */
  port: number;
}

/** A pod's path (/var/run/...) inside the tree that run-in-pod.sh copies onto /run. */
function runPath(podPath: string): string {
  const relative = podPath.replace(/^\/var\/run\//, '').replace(/^\/run\//, '');
  if (relative === podPath)
    throw new Error(`the chart mounts ${podPath}; only paths under /var/run can be placed here`);
  return relative;
}

// Files the image's user may read and no one else, as the kubelet mounts them (0640, the pod's group).
function readableByPodGroup(path: string): void {
  const directory = statSync(path).isDirectory();
  if (process.getuid?.() === 0) chownSync(path, 0, IMAGE_GID);
  chmodSync(path, directory ? 0o750 : 0o640);
  if (directory) for (const name of readdirSync(path)) readableByPodGroup(join(path, name));
}

function valueOf(env: V1EnvVar, secrets: Map<string, V1Secret>): string {
  if (env.value !== undefined) return env.value;
  const ref = env.valueFrom?.secretKeyRef;
  if (ref) {
    const data = secrets.get(ref.name ?? '')?.data?.[ref.key];
    const text = secrets.get(ref.name ?? '')?.stringData?.[ref.key];
    if (text !== undefined) return text;
    if (data !== undefined) return Buffer.from(data, 'base64').toString('utf8');
    throw new Error(`the Deployment reads ${ref.name}/${ref.key}, which neither the chart nor the test made`);
  }
  throw new Error(`the Deployment sets ${env.name} in a way this runner does not read`);
}

/**
 * Renders and applies the chart, then returns how to start its one container here: the command line (for
 * `unshare`), the folder the pod's files are staged in, and the environment file.
 */
export async function preparePodLikeServer(options: PodLikeServerOptions) {
  const { admin, namespace, release, values, secrets = [], port } = options;
  const core = admin.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } }).catch((error: { code?: number }) => {
    if (error.code !== 409) throw error;
  });
  for (const secret of secrets) {
    await core.deleteNamespacedSecret({ name: secret.metadata!.name!, namespace }).catch(() => undefined);
    await core.createNamespacedSecret({ namespace, body: secret });
  }
  const manifests: Manifest[] = parseManifests(renderChart({ release, namespace, set: values }));
  await applyObjects(admin, manifests, { dryRun: false });

  const deployment = manifests.find((object) => object.kind === 'Deployment') as V1Deployment & Manifest;
  const pod = deployment.spec!.template.spec!;
  const container = pod.containers[0]!;
  const { token } = await serviceAccountIdentity(admin, namespace, pod.serviceAccountName!, 7200);

  const staged = join(imageRoot(), `pod-${release}`);
  const run = join(staged, 'run');
  mkdirSync(join(run, SERVICE_ACCOUNT_DIR), { recursive: true });
  const cluster = admin.getCurrentCluster()!;
  const ca = cluster.caData ? Buffer.from(cluster.caData, 'base64') : readFileSync(cluster.caFile!);
  writeFileSync(join(run, SERVICE_ACCOUNT_DIR, 'token'), token);
  writeFileSync(join(run, SERVICE_ACCOUNT_DIR, 'ca.crt'), ca);
  writeFileSync(join(run, SERVICE_ACCOUNT_DIR, 'namespace'), namespace);

  // The Deployment's Secret volumes, at their mount paths; an emptyDir at /tmp is the host's /tmp here.
  const secretsByName = new Map<string, V1Secret>(
    [...secrets, ...(manifests.filter((object) => object.kind === 'Secret') as V1Secret[])].map((secret) => [
      secret.metadata!.name!,
      secret,
    ]),
  );
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.volumes!.find((candidate) => candidate.name === mount.name)!;
    if (volume.emptyDir) continue;
    const secret = secretsByName.get(volume.secret?.secretName ?? '');
    if (!secret) throw new Error(`the chart mounts volume ${mount.name}, which this runner cannot provide`);
    const dir = join(run, runPath(mount.mountPath));
    mkdirSync(dir, { recursive: true });
    for (const [key, data] of Object.entries(secret.data ?? {}))
      writeFileSync(join(dir, key), Buffer.from(data, 'base64'));
    for (const [key, text] of Object.entries(secret.stringData ?? {})) writeFileSync(join(dir, key), text);
  }
  readableByPodGroup(run);

  const url = new URL(cluster.server);
  const environment: Record<string, string> = {
    ...IMAGE_ENV,
    ...Object.fromEntries((container.env ?? []).map((env) => [env.name, valueOf(env, secretsByName)])),
    KUBERNETES_SERVICE_HOST: url.hostname,
    KUBERNETES_SERVICE_PORT: url.port || '443',
    PORT: String(port),
  };
  const envFile = join(staged, 'env');
  writeFileSync(
    envFile,
    Object.entries(environment)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n') + '\n',
  );
  readableByPodGroup(envFile);

  // The container's command in its workingDir, with the image's Node.
  const image = imageServerCommand([]);
  const node = join(imageRoot(), 'bin', 'node');
  const command = [...(container.command ?? []), ...(container.args ?? [])].map((part) =>
    part === 'node' ? node : part,
  );
  const asRoot = process.getuid?.() === 0;
  return {
    deployment,
    command: 'unshare',
    args: [
      '--mount',
      ...(asRoot ? [] : ['--map-root-user']),
      'bash',
      join(repoRoot(), 'test', 'support', 'run-in-pod.sh'),
      ...command,
    ],
    env: {
      ...process.env,
      FLEETDECK_POD_RUN: run,
      FLEETDECK_POD_ENV: envFile,
      FLEETDECK_POD_WORKDIR: image.cwd,
      ...(asRoot ? { FLEETDECK_POD_UID: String(IMAGE_UID) } : {}),
    },
  };
}
