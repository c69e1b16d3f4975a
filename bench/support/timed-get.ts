// A GET timed from before the request is sent until its whole body has arrived. node:http, so that a benchmark
// can choose the connection (metrics-scrape.ts keeps one alive) and send any header.
import { request as httpRequest, type RequestOptions } from 'node:http';

export interface TimedResponse {
  status: number;
  bytes: number;
  ms: number;
  body: string;
}

export function timedGet(url: string, options: RequestOptions = {}): Promise<TimedResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    httpRequest(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          bytes: body.length,
          ms: performance.now() - started,
          body: body.toString(),
        });
      });
    })
      .on('error', reject)
      .end();
  });
}
