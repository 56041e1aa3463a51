/**
 * Sealing personal data (`pd/v1`): AES-256-GCM with a fresh 96-bit IV per value and the envelope's version and
 * key id as additional authenticated data, so a value cannot be passed off under another key id. node:crypto.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedText } from '../../domain/shared/personalData.js';

const aad = (kid: string) => Buffer.from(`pd/v1\n${kid}`, 'utf8');

export function seal(text: string, kid: string, key: Buffer): SealedText {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(kid));
  const ct = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return { enc: 'pd/v1', kid, iv: iv.toString('base64url'), ct: ct.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') };
}

/** The text, or null when the value does not open under the key (tampered, or the wrong key). */
export function open(sealed: SealedText, key: Buffer): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
    decipher.setAAD(aad(sealed.kid));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
