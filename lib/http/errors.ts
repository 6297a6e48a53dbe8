/** Errors that carry their HTTP status: whatever throws one gets that status and its sentence. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers (`Retry-After` on a 429 or 503). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * Whether an error carries a status. Not only `instanceof`: a module shared by one process (the
 * rate limiter, the PDF pool) may have been created by another bundle of Next's, whose HttpError
 * is another class with the same shape.
 */
export function isHttpError(error: unknown): error is HttpError {
  if (error instanceof HttpError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; status?: unknown; message?: unknown; headers?: unknown };
  return e.name === 'HttpError' && typeof e.status === 'number' && typeof e.message === 'string' && typeof e.headers === 'object' && e.headers !== null;
}

export const badRequest = (message: string) => new HttpError(400, message);
export const unauthorized = () => new HttpError(401, 'Sign in first.');
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message = 'Not found.') => new HttpError(404, message);
export const tooLarge = (limit: number) => new HttpError(413, `The request body is too large (at most ${Math.round(limit / 1024)} KB).`);
export const unsupportedType = (message: string) => new HttpError(415, message);
export const tooManyRequests = (seconds: number) =>
  new HttpError(429, `Too many requests from your address; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, { 'Retry-After': String(seconds) });
export const busy = (seconds: number, what: string) =>
  new HttpError(503, `The portal is busy ${what}; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, { 'Retry-After': String(seconds) });
