import { createHash } from 'node:crypto';

/**
 * A short, stable fingerprint of data: the first 16 hex digits of the SHA-256 of its JSON. Object keys
 * are written in the order the caller builds them, so callers pass plain arrays and fixed shapes.
 */
export function fingerprintOf(data: unknown): string {
    return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
}
