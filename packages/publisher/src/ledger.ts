import type { Keys } from '@herald/core';
import type { Redis } from 'ioredis';

/** An uploaded attachment, so an edit can keep it instead of uploading it again. */
export interface MediaRecord {
  url: string;
  alt: string;
  id: string;
}

/** What the ledger knows about one posted part. */
export interface LedgerEntry {
  statusId: string;
  contentHash: string;
  /** ISO 8601. */
  postedAt: string;
  editedAt?: string;
  media: MediaRecord[];
}

/**
 * Written right before a status is sent and removed when its outcome is known. One still
 * present on a later attempt means the post may have happened (crash, lost answer): the
 * publisher reconciles against the account's statuses before posting again.
 */
export interface PostIntent {
  contentHash: string;
  text: string;
  spoilerText: string;
  inReplyToId?: string;
  media: MediaRecord[];
  /** Epoch ms. */
  startedAt: number;
}

export interface Ledger {
  /** The Redis key this ledger writes (the real ledger, or the dry-run one). */
  readonly key: string;
  get(itemKey: string, partIndex: number): Promise<LedgerEntry | undefined>;
  /** Records a posted (or edited) part and drops its intent, atomically. */
  record(itemKey: string, partIndex: number, entry: LedgerEntry): Promise<void>;
  intent(itemKey: string, partIndex: number): Promise<PostIntent | undefined>;
  recordIntent(itemKey: string, partIndex: number, intent: PostIntent): Promise<void>;
  clearIntent(itemKey: string, partIndex: number): Promise<void>;
}

export interface LedgerDeps {
  redis: Pick<Redis, 'hget' | 'hset' | 'hdel' | 'multi'>;
  keys: Pick<Keys, 'ledger' | 'dryRun' | 'custom'>;
}

export interface LedgerOptions {
  account: string;
  /** Dry-run accounts write under `keys.dryRun(account)`, never the real ledger. */
  dryRun?: boolean;
}

/** The part index leads: it is digits up to the first `:`, so any itemKey is safe after it. */
const field = (itemKey: string, partIndex: number) => `${partIndex}:${itemKey}`;

function parse<T>(value: string | null): T | undefined {
  if (value === null) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

/**
 * The per-account ledger, a Redis hash `(itemKey, part index) → entry`: checked before
 * posting, written right after each success, so a retry resumes after the parts already done.
 */
export function createLedger(deps: LedgerDeps, options: LedgerOptions): Ledger {
  const key = options.dryRun
    ? deps.keys.dryRun(options.account)
    : deps.keys.ledger(options.account);
  const intents = options.dryRun
    ? deps.keys.custom('dryrun', options.account, 'intents')
    : deps.keys.custom('ledger', options.account, 'intents');
  return {
    key,
    async get(itemKey, partIndex) {
      return parse<LedgerEntry>(await deps.redis.hget(key, field(itemKey, partIndex)));
    },
    async record(itemKey, partIndex, entry) {
      const name = field(itemKey, partIndex);
      await deps.redis.multi().hset(key, name, JSON.stringify(entry)).hdel(intents, name).exec();
    },
    async intent(itemKey, partIndex) {
      return parse<PostIntent>(await deps.redis.hget(intents, field(itemKey, partIndex)));
    },
    async recordIntent(itemKey, partIndex, intent) {
      await deps.redis.hset(intents, field(itemKey, partIndex), JSON.stringify(intent));
    },
    async clearIntent(itemKey, partIndex) {
      await deps.redis.hdel(intents, field(itemKey, partIndex));
    },
  };
}
