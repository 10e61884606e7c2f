import { createHash } from 'node:crypto';

/** SHA-256 hex of the parts, each length-prefixed so ("ab","c") and ("a","bc") differ. */
export function sha256Hex(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:${part};`);
  return hash.digest('hex');
}
