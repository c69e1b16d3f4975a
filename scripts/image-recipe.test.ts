// The production image's recipe and the tests that run the server as the image would (there is no image
// engine here to build it) must describe the same thing: one Node version, one user, one entrypoint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAGE_ENV, IMAGE_GID, IMAGE_UID, imageServerCommand } from '../test/support/image-like-server';
import { repoRoot } from '../test/support/repo-root';

const read = (path: string) => readFileSync(join(repoRoot(), path), 'utf8');
const dockerfile = read('Dockerfile');
const nodeVersion = read('.nvmrc').trim();

describe('the image recipe', () => {
  it('builds on the Node.js version every script installs, which package.json accepts', () => {
    expect(nodeVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(dockerfile).toContain(`ARG NODE_VERSION=${nodeVersion}\n`);
    const minimum = /^>=(\d+)$/.exec(JSON.parse(read('package.json')).engines.node)?.[1];
    expect(Number(nodeVersion.split('.')[0])).toBeGreaterThanOrEqual(Number(minimum));
    // Both stages use it.
    expect(dockerfile.match(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim/gm)).toHaveLength(2);
  });

  it('runs as the user and with the entrypoint the image-like tests use', () => {
    expect(dockerfile).toContain(`USER ${IMAGE_UID}:${IMAGE_GID}\n`);
    expect(read('scripts/stage-image-root.sh')).toContain(`image_gid=${IMAGE_GID}\n`);
    expect(dockerfile).toContain('ENTRYPOINT ["node", "start-server.mjs"]');
    process.env.FLEETDECK_IMAGE_ROOT ??= '/image-root';
    const server = imageServerCommand(['-p', '3000']);
    expect(server.cwd.endsWith('/app')).toBe(true);
    expect(server.args.slice(-3)).toEqual(['start-server.mjs', '-p', '3000']);
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
  });

  it('sets, in the image it ships, the environment the pod-like server starts from', () => {
    const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const block = /^ENV ((?:.*\\\n)*.*)$/m.exec(runtimeStage)?.[1] ?? '';
    const set = Object.fromEntries(block.split(/\\\n/).map((line) => line.trim().split('=')));
    const { PATH: _path, ...imageEnv } = IMAGE_ENV;
    expect(set).toEqual(imageEnv);
  });

  it('ships only the assembled standalone output, owned by root', () => {
    const copies = dockerfile.match(/^COPY --from=build .*$/gm) ?? [];
    expect(copies).toEqual(['COPY --from=build --chown=0:0 /src/.next/standalone/ /app/']);
    expect(read('scripts/assemble-standalone.mjs')).toContain("'scripts/start-server.mjs', 'start-server.mjs'");
  });
});
