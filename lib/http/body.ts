import { badRequest, isHttpError, tooLarge, unsupportedType } from './errors';

/**
 * Reads a request body, counting bytes as they arrive and stopping at `max`: a body sent without a
 * Content-Length (chunked) is never held whole in memory before its size is known.
 */
export async function readBytes(request: Request, max: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (!/^\d{1,15}$/u.test(declared.trim())) throw badRequest('The Content-Length header is not a number.');
    if (Number(declared) > max) throw tooLarge(max);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) throw tooLarge(max);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (isHttpError(error)) throw error;
    throw badRequest('The request body could not be read.');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readText(request: Request, max: number): Promise<string> {
  const bytes = await readBytes(request, max);
  try {
    return decoder.decode(bytes);
  } catch {
    throw badRequest('The request body is not UTF-8 text.');
  }
}

export function contentType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isFormRequest(request: Request): boolean {
  const type = contentType(request);
  return type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/** A parsed body: the fields of a plain form (`urlencoded`) or of a JSON object. */
export interface Body {
  readonly form: URLSearchParams | null;
  readonly json: Record<string, unknown> | null;
}

/** Reads a form (`application/x-www-form-urlencoded`) or a JSON object, at most `max` bytes. */
export async function readBody(request: Request, max: number): Promise<Body> {
  const type = contentType(request);
  if (type === 'multipart/form-data') throw unsupportedType('Send the form as application/x-www-form-urlencoded.');
  const text = await readText(request, max);
  if (type === 'application/x-www-form-urlencoded') return { form: new URLSearchParams(text), json: null };
  if (!text.trim()) return { form: null, json: null };
  if (type !== '' && type !== 'application/json' && !type.endsWith('+json') && type !== 'text/plain') {
    throw unsupportedType('Send JSON (application/json) or a form (application/x-www-form-urlencoded).');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw badRequest('The request body must be a JSON object.');
  return { form: null, json: Object.fromEntries(Object.entries(data)) };
}
