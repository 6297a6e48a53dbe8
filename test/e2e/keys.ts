import { generateKeyPairSync } from 'node:crypto';

/** A throwaway RSA key pair for the Login.gov-shaped client (private_key_jwt) of the test IdP. */
export function testLoginGovKeys(): { privatePem: string; publicJwk: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'fm-portal-test' };
  return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicJwk: JSON.stringify(jwk) };
}
