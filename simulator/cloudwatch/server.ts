// The simulated CloudWatch over HTTP: the AWS JSON 1.0 API on `POST /`, every request signed and authorised as AWS
// would, and a few simulator-only routes under /_simulator/ for tests and benchmarks. STS's AssumeRole is answered
// on the same address, told apart by the service its signature is scoped to, so one URL serves as both
// AWS_ENDPOINT_URL_CLOUDWATCH and AWS_ENDPOINT_URL_STS.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { throttledLog } from '../metrics/throttled-log';
import { CallCounts, otherOperation, unverifiedCaller } from './call-counts';
import { CloudWatchError } from './errors';
import type { SimulatorCredential } from './settings';
import { authorize, simulatedOperations, type SimulatedCloudWatch } from './service';
import { parseAuthorization, verifySigV4 } from './sigv4-verify';
import { SimulatedSts } from './sts';
import { assumeRoleResponse, formParameters, stsErrorResponse } from './sts-wire';
import {
  decodeBody,
  errorResponse,
  maxRequestBytes,
  newRequestId,
  operationOf,
  successResponse,
  tooLarge,
  type WireResponse,
} from './wire';

export interface CloudWatchServerOptions {
  cloudwatch: SimulatedCloudWatch;
  credentials: SimulatorCredential[];
  /** The roles callers may assume; none unless given. */
  sts?: SimulatedSts;
  now?: () => number;
  log?: (message: string) => void;
}

export interface CloudWatchServer {
  server: Server;
  counts: CallCounts;
}

export function createCloudWatchServer(options: CloudWatchServerOptions): CloudWatchServer {
  const now = options.now ?? Date.now;
  const counts = new CallCounts(now);
  const byKey = new Map(options.credentials.map((credential) => [credential.accessKeyId, credential]));
  const sts = options.sts ?? new SimulatedSts();
  // The long-term keys configured, then the temporary ones STS issued.
  const credentialFor = (accessKeyId: string) => byKey.get(accessKeyId) ?? sts.credential(accessKeyId, now());
  const limitLog = throttledLog((message) => options.log?.(message), 60_000, now);
  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      options.log?.(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) {
        send(response, errorResponse(new CloudWatchError('InternalServiceError', 'Internal error.'), newRequestId()));
      } else response.destroy();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? '/').split('?')[0];
    // The simulator-only routes take no signature: they are not AWS APIs, and only tests and benchmarks call them.
    if (path === '/_simulator/calls' && request.method === 'GET') return sendJson(response, 200, counts.snapshot());
    if (path === '/_simulator/reset-counts' && request.method === 'POST') {
      counts.reset();
      return sendJson(response, 200, counts.snapshot());
    }
    if (path === '/_simulator/evaluate-alarms' && request.method === 'POST') {
      const evaluated = options.cloudwatch.alarms.evaluate(now(), true);
      return sendJson(response, 200, { evaluated });
    }
    if (request.method !== 'POST' || path !== '/') {
      return sendJson(response, 404, {
        message: `The simulated CloudWatch answers POST / only, not ${request.method} ${path}.`,
      });
    }
    send(response, signingService(request) === 'sts' ? await answerSts(request) : await answer(request));
  }

  async function answerSts(request: IncomingMessage): Promise<WireResponse> {
    const requestId = newRequestId();
    let operation = otherOperation;
    let caller: SimulatorCredential | undefined;
    try {
      const body = await readBody(request);
      const params = formParameters(body);
      if (params.get('Action') === 'AssumeRole') operation = 'AssumeRole';
      caller = verifySigV4(
        { method: request.method ?? 'POST', url: request.url ?? '/', headers: request.headersDistinct, body },
        { region: options.cloudwatch.region, service: 'sts', now: new Date(now()), credentialFor },
      );
      return assumeRoleResponse(sts.handle(params, caller, now()), requestId);
    } catch (error) {
      if (!(error instanceof CloudWatchError)) throw error;
      counts.error(error.code);
      return stsErrorResponse(error, requestId);
    } finally {
      counts.call(operation, caller?.accessKeyId ?? unverifiedCaller, caller?.userName);
    }
  }

  async function answer(request: IncomingMessage): Promise<WireResponse> {
    const requestId = newRequestId();
    const target = request.headers['x-amz-target'];
    const named = typeof target === 'string' ? target.replace(/^.*\./, '') : '';
    // Only names the simulator knows and callers whose signature held are keys of the counts: anything an unsigned
    // request claims would otherwise grow them without end.
    const operation = simulatedOperations.includes(named) ? named : otherOperation;
    let caller: { accessKeyId: string; userName: string } | undefined;
    try {
      const body = await readBody(request);
      const credential = verifySigV4(
        { method: request.method ?? 'POST', url: request.url ?? '/', headers: request.headersDistinct, body },
        {
          region: options.cloudwatch.region,
          service: 'monitoring',
          now: new Date(now()),
          credentialFor,
        },
      );
      caller = credential;
      const checkedOperation = operationOf(typeof target === 'string' ? target : undefined);
      options.cloudwatch.checkOperation(checkedOperation);
      authorize(credential, checkedOperation);
      const input = decodeBody(body, request.headers['content-encoding']);
      if (checkedOperation === 'GetMetricData') countQueries(input);
      const output = options.cloudwatch.handle(checkedOperation, input, {
        accountId: credential.accountId,
        nowMs: now(),
      });
      return successResponse(output, requestId);
    } catch (error) {
      if (!(error instanceof CloudWatchError)) throw error;
      counts.error(error.code);
      if (error.code === 'LimitExceeded') limitLog(`${operation} refused: ${error.message}`);
      return errorResponse(error, requestId);
    } finally {
      counts.call(operation, caller?.accessKeyId ?? unverifiedCaller, caller?.userName);
    }
  }

  function countQueries(input: unknown) {
    const queries = (input as { MetricDataQueries?: unknown }).MetricDataQueries;
    if (Array.isArray(queries)) counts.metricDataQueries(queries.length);
  }

  return { server, counts };
}

/** The service a request's signature is scoped to (`monitoring`, `sts`), or undefined when it has none. */
function signingService(request: IncomingMessage): string | undefined {
  return parseAuthorization(request.headersDistinct.authorization?.[0])?.credential?.split('/')[3];
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxRequestBytes) refused = true;
      else chunks.push(chunk);
    });
    request.on('end', () => (refused ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    request.on('error', reject);
    // A client that goes away mid-body ends nothing; after `end` this is a no-op.
    request.on('close', () => reject(new Error('the client closed the request before its body ended')));
  });
}

function send(response: ServerResponse, wire: WireResponse) {
  response.writeHead(wire.status, { ...wire.headers, 'content-length': Buffer.byteLength(wire.body) });
  response.end(wire.body);
}

function sendJson(response: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
