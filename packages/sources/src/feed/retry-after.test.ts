import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.ts';

const NOW = Date.parse('2025-11-14T12:00:00Z');
const DAY = 86_400_000;

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => expect(parseRetryAfter('120', NOW, DAY)).toBe(NOW + 120_000));
  it('reads an HTTP-date', () =>
    expect(parseRetryAfter('Fri, 14 Nov 2025 13:00:00 GMT', NOW, DAY)).toBe(NOW + 3_600_000));
  it('clamps to at least one second and at most the maximum', () => {
    expect(parseRetryAfter('0', NOW, DAY)).toBe(NOW + 1000);
    expect(parseRetryAfter('Thu, 13 Nov 2025 13:00:00 GMT', NOW, DAY)).toBe(NOW + 1000);
    expect(parseRetryAfter('9999999', NOW, DAY)).toBe(NOW + DAY);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, NOW, DAY)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW, DAY)).toBeUndefined();
  });
});
