import 'server-only';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { rootCertificates } from 'node:tls';

/** The most a provider's answer may hold (discovery, keys, tokens are a few KiB). */
const MAX_RESPONSE_BYTES = 1024 * 1024;

type FetchOptions = {
  method: string;
  headers: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
};

/**
 * A fetch for the identity provider that trusts the CAs of `caFile` besides the usual ones, for a provider
 * whose certificate a private CA signed (as kube-apiserver's own certificateAuthority setting allows). Only
 * calls to the provider use it; nothing else Fleetdeck connects to trusts that CA.
 */
export function fetchTrusting(caFile: string) {
  const ca = [...rootCertificates, readFileSync(caFile, 'utf8')];
  return (url: string, options: FetchOptions): Promise<Response> =>
    new Promise((resolve, reject) => {
      const body = options.body === undefined ? undefined : String(options.body);
      const outgoing = request(
        url,
        { method: options.method, headers: options.headers, ca, signal: options.signal },
        (incoming) => {
          const chunks: Buffer[] = [];
          let size = 0;
          incoming.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES)
              outgoing.destroy(new Error('the identity provider sent too large an answer'));
            else chunks.push(chunk);
          });
          incoming.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(incoming.headers))
              for (const each of [value ?? []].flat()) headers.append(name, each);
            const status = incoming.statusCode ?? 502;
            // Response refuses a body on these statuses.
            const empty = status === 204 || status === 304;
            resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers }));
          });
          incoming.on('error', reject);
        },
      );
      // As fetch does, so the caller tells a network failure from a refusal the same way for both.
      outgoing.on('error', (error) =>
        reject(error.name === 'AbortError' ? error : new TypeError('fetch failed', { cause: error })),
      );
      outgoing.end(body);
    });
}
