/** The request path's pure parts, shared by the proxy, every route handler and lib/. `handle()` is in ./handle. */
export * from './errors';
export { readBody, readBytes, readText, contentType, isFormRequest, type Body } from './body';
export { parseInput, NO_CONTROL_CHARACTERS } from './input';
export { isSameOrigin, publicOrigin } from './origin';
export { acceptsHtml, errorResponse, seeOther } from './respond';
export { safeReturnTo, withQuery } from './return-to';
