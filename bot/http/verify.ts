import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * Discord signs every request to an interactions endpoint with Ed25519 over `timestamp + body`
 * (`X-Signature-Timestamp`, `X-Signature-Ed25519`). Checked with node:crypto alone.
 */

/** DER prefix of an Ed25519 public key in SubjectPublicKeyInfo form; the 32 key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's public key (64 hex characters, from the Developer Portal) as a key object. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('must be 64 hexadecimal characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** Header shapes checked before the body is even read: 64 signature bytes, a Unix time in seconds. */
export const SIGNATURE_PATTERN = /^[0-9a-f]{128}$/i;
export const TIMESTAMP_PATTERN = /^\d{1,12}$/;

export function verifySignature(key: KeyObject, signatureHex: string, timestamp: string, body: Buffer): boolean {
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
}
