/**
 * The secret of a share link (ADR 0021): `<id>.<mac>`, where the mac is an HMAC-SHA256 of the link's
 * id under the server's secret. Nothing secret is stored: the owner can be shown the link again,
 * a copy of the database alone opens no link, and a forged or altered token is refused before the
 * database is asked. Changing AUTH_SECRET closes every link.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
const MAC = /^[A-Za-z0-9_-]{43}$/u;

function mac(id: string, secret: string): string {
  return createHmac('sha256', secret).update(`fm-portal share link v1:${id}`).digest('base64url');
}

export function shareToken(id: string, secret: string): string {
  if (!UUID.test(id)) throw new TypeError('a share link id is a lowercase UUID');
  return `${id}.${mac(id, secret)}`;
}

/** The link id that the token proves, or null for anything that is not a token this server made. */
export function verifyShareToken(token: string, secret: string): string | null {
  if (token.length !== 80) return null;
  const [id = '', given = ''] = token.split('.');
  if (!UUID.test(id) || !MAC.test(given)) return null;
  const expected = Buffer.from(mac(id, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}
