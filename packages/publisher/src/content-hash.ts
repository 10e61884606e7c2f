import { type PostPart, type PostPlan, sha256Hex } from '@herald/core';

/** Bumped if the field list below ever changes, so old and new hashes never collide. */
const VERSION = 'herald-post-v1';

/**
 * SHA-256 (hex) over everything that defines the request for one part, in this order:
 *  1. version tag, 2. account, 3. itemKey, 4. part index, 5. final text, 6. spoiler text,
 *  7. visibility, 8. language ('' when unset), 9. sensitive ('1' or '0'),
 * 10. number of media, then each medium's source URL and alt text ('' when unset), in order,
 * 11. reply target's part index ('' for the first part).
 * Each field is length-prefixed by `sha256Hex`, so no two field lists hash alike.
 * It is the ledger's change detector and the `Idempotency-Key` of the post.
 */
export function contentHash(
  account: string,
  part: PostPart,
  plan: Pick<PostPlan, 'itemKey'>,
): string {
  return sha256Hex(
    VERSION,
    account,
    plan.itemKey,
    String(part.index),
    part.text,
    part.spoilerText,
    part.visibility,
    part.language ?? '',
    part.sensitive ? '1' : '0',
    String(part.media.length),
    ...part.media.flatMap((m) => [m.url, m.alt ?? '']),
    part.replyToIndex === undefined ? '' : String(part.replyToIndex),
  );
}
