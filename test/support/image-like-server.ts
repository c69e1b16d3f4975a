// The dashboard run as the production image runs it (Dockerfile): `node start-server.mjs` in the read-only
// standalone output, as the image's non-root user, with nothing else of the repository in reach. The root is
// laid out by scripts/stage-image-root.sh; as root, the server drops to the image's user with setpriv, so a
// write anywhere in the app fails as it would in the pod.
import { chmodSync, chownSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';

/** The image's user and group (Dockerfile's USER, the chart's runAsUser and runAsGroup). */
export const IMAGE_UID = 10001;
export const IMAGE_GID = 10001;

/** What the image sets itself (Dockerfile's ENV and PATH); the pod adds the Deployment's env to it. */
export const IMAGE_ENV: Record<string, string> = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  HOST: '0.0.0.0',
  PORT: '3000',
  HOME: '/tmp',
};

const runningAsRoot = () => process.getuid?.() === 0;

export function imageRoot(): string {
  const root = process.env.FLEETDECK_IMAGE_ROOT;
  if (!root) throw new Error('FLEETDECK_IMAGE_ROOT is not set: run `npm run e2e`, which lays out the image root');
  return root;
}

/**
 * A copy of `dir` the image's user may read (a path under the root user's home is out of its reach), made
 * once per directory: Playwright loads its configuration in every worker.
 */
export function shareWithImageUser(dir: string): string {
  const copy = join(
    imageRoot(),
    'shared',
    `${basename(dir)}-${createHash('sha256').update(dir).digest('hex').slice(0, 8)}`,
  );
  if (!existsSync(copy)) {
    mkdirSync(join(imageRoot(), 'shared'), { recursive: true });
    cpSync(dir, copy, { recursive: true });
    readableByImageGroup(copy);
  }
  return copy;
}

/**
 * A copy of one file the image's user may read, alone in a folder of its own: a CA certificate beside private
 * keys (the harness's pki/) is shared without them.
 */
export function shareFileWithImageUser(file: string): string {
  const copy = join(
    imageRoot(),
    'shared',
    `${basename(file)}-${createHash('sha256').update(file).digest('hex').slice(0, 8)}`,
  );
  if (!existsSync(copy)) {
    mkdirSync(copy, { recursive: true });
    copyFileSync(file, join(copy, basename(file)));
    readableByImageGroup(copy);
  }
  return join(copy, basename(file));
}

// Kubeconfigs are private to their owner (0600); the image's group may read the copy, no one else.
function readableByImageGroup(path: string): void {
  const directory = statSync(path).isDirectory();
  if (runningAsRoot()) chownSync(path, 0, IMAGE_GID);
  chmodSync(path, directory ? 0o750 : 0o640);
  if (directory) for (const name of readdirSync(path)) readableByImageGroup(join(path, name));
}

/** The command line of the image's entrypoint with `args` (e.g. -H and -p), and the folder it runs in. */
export function imageServerCommand(args: string[]): { command: string; args: string[]; cwd: string } {
  const root = imageRoot();
  const node = join(root, 'bin', 'node');
  const entry = ['start-server.mjs', ...args];
  const cwd = join(root, 'app');
  if (!runningAsRoot()) return { command: node, args: entry, cwd };
  return {
    command: 'setpriv',
    args: [`--reuid=${IMAGE_UID}`, `--regid=${IMAGE_GID}`, '--clear-groups', node, ...entry],
    cwd,
  };
}
