// nginx from Debian's package in front of the replicas, as an Ingress controller or a cloud load balancer
// would sit there: round robin with no affinity, passive health (a replica that fails is left out for a
// while), idempotent requests retried on the next replica, and the event stream passed through unbuffered.
// Started by the spec on loopback with a configuration written here, in a temp directory of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './serving';

export interface LoadBalancerOptions {
  /** host:port of each replica. */
  upstreams: string[];
  /** Where nginx keeps its configuration, pid, logs and temp files. */
  dir: string;
}

// A replica that fails once (refused, reset, 502-504; a draining one answers 503) is left out for this long,
// then tried again: nginx's passive health check. Short, so a restarted replica gets traffic again soon.
const FAIL_TIMEOUT_SECONDS = 5;

/** The nginx configuration; every path is under `dir`, so it runs beside any system nginx. */
export function loadBalancerConfig(options: LoadBalancerOptions & { port: number }): string {
  const { dir, port } = options;
  const servers = options.upstreams
    .map((upstream) => `    server ${upstream} max_fails=1 fail_timeout=${FAIL_TIMEOUT_SECONDS}s;`)
    .join('\n');
  return `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
worker_processes 1;
events { worker_connections 1024; }
http {
  log_format upstream '$time_iso8601 $request_method $request_uri $status $request_time '
                      'upstream=$upstream_addr upstream_status=$upstream_status';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/tmp/client-body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;

  # Round robin, nginx's default: no ip_hash, no hash, no cookie. Any replica serves any request.
  upstream fleetdeck {
${servers}
  }

  server {
    listen 127.0.0.1:${port};
    proxy_http_version 1.1;
    # The Host the browser used: each replica checks it against FLEETDECK_ALLOWED_HOSTS and builds the origin
    # that mutating requests must come from out of it.
    proxy_set_header Host $http_host;
    proxy_connect_timeout 2s;
    # GET, HEAD and the like go on to the next replica on any failure; nginx never resends a POST or DELETE
    # that reached a replica (no non_idempotent), only one whose connection was refused.
    proxy_next_upstream error timeout http_502 http_503 http_504;
    proxy_next_upstream_tries ${options.upstreams.length};
    # Which replica answered, for the specs (a retried request names both).
    add_header X-Fleetdeck-Upstream $upstream_addr always;

    location / {
      proxy_pass http://fleetdeck;
    }

    # Server-Sent Events: every event goes out as it comes (Fleetdeck also sends X-Accel-Buffering: no), and a
    # stream quiet between heartbeats (15 s) is not cut.
    location = /api/stream {
      proxy_pass http://fleetdeck;
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

/** nginx in the foreground on a free loopback port; `stop` ends it and waits. */
export async function startLoadBalancer(options: LoadBalancerOptions) {
  const port = await freePort();
  mkdirSync(join(options.dir, 'tmp'), { recursive: true });
  // As root nginx's workers run as nobody, who must reach the temp paths under this directory.
  chmodSync(options.dir, 0o755);
  const config = join(options.dir, 'nginx.conf');
  writeFileSync(config, loadBalancerConfig({ ...options, port }));
  // -e: nginx opens its error log before it reads the configuration; keep even that one here.
  const child: ChildProcess = spawn('nginx', ['-p', options.dir, '-c', config, '-e', join(options.dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}${errorLog()}`);
    const answered = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' }).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}: ${stderr}${errorLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  function errorLog(): string {
    try {
      return readFileSync(join(options.dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  }
  return {
    port,
    /** Lines of the access log so far: method, URI, status, time and which replica answered. */
    accessLog: () => readFileSync(join(options.dir, 'access.log'), 'utf8').split('\n').filter(Boolean),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // SIGQUIT would wait for the open event streams; the spec is done with them.
      child.kill('SIGTERM');
      await exited;
    },
  };
}
