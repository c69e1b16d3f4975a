// HTTPS to the harness's OpenID provider, verified against the harness CA rather than the system's roots
// (Node's fetch cannot take a CA without undici's Agent, which is not a dependency here).
import { readFileSync } from 'node:fs';
import { request } from 'node:https';

export interface HttpsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpsRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

const caCache = new Map<string, Buffer>();
const caOf = (file: string) => caCache.get(file) ?? caCache.set(file, readFileSync(file)).get(file)!;

/** One request, no redirects followed: callers that act like a browser follow them themselves. */
export function httpsRequest(url: string | URL, caFile: string, init: HttpsRequest = {}): Promise<HttpsResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, ca: caOf(caFile) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A fetch for openid-client's `customFetch` that trusts the harness CA. */
export function fetchTrustingCa(caFile: string) {
  return async (
    url: string,
    options: { method: string; headers: Record<string, string>; body?: unknown; signal?: AbortSignal },
  ): Promise<Response> => {
    options.signal?.throwIfAborted();
    const body =
      options.body === undefined || options.body === null
        ? undefined
        : options.body instanceof URLSearchParams
          ? options.body.toString()
          : String(options.body);
    const headers = { ...options.headers };
    if (options.body instanceof URLSearchParams) headers['content-type'] ??= 'application/x-www-form-urlencoded';
    const response = await httpsRequest(url, caFile, { method: options.method, headers, body });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      for (const item of [value ?? []].flat()) responseHeaders.append(name, item);
    const nullBody = [204, 304].includes(response.status);
    return new Response(nullBody ? null : response.body, { status: response.status, headers: responseHeaders });
  };
}
