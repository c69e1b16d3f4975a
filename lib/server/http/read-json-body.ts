import 'server-only';
import { AppError } from './app-error';

export const MAX_BODY_BYTES = 256 * 1024;

/** The request body as JSON: only application/json (415), at most 256 KiB (413), well-formed (400). */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new AppError('unsupported_media_type', 'Send the body as application/json.');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw new AppError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'The body is not valid JSON.');
  }
}
