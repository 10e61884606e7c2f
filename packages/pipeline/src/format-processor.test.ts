import { parseConfigObject, unwrapConfig } from '@herald/config';
import {
  createJsonLogger,
  errorKind,
  type PostPlan,
  type SourceItem,
  transient,
} from '@herald/core';
import { MASTODON_DEFAULT_LIMITS, noShortener } from '@herald/format';
import { describe, expect, it } from 'vitest';
import { createFormatProcessor } from './format-processor.ts';

const config = unwrapConfig(
  parseConfigObject({
    accounts: { down: { dryRun: true }, up: { dryRun: true } },
    feeds: [{ id: 'blog', url: 'https://blog.example.org/feed.xml', to: ['down', 'up'] }],
  }),
);

const item: SourceItem = {
  source: { kind: 'feed', feedId: 'blog' },
  itemKey: 'feed:blog:post-1',
  url: 'https://blog.example.org/post-1',
  title: 'Post one',
  categories: [],
  media: [],
};

describe('createFormatProcessor', () => {
  it('still enqueues the other routes when one route fails transiently, then retries', async () => {
    const enqueued: PostPlan[] = [];
    const process = createFormatProcessor({
      config,
      logger: createJsonLogger(() => {}),
      instanceLimits: async (account) => {
        if (account === 'down') throw transient('HERALD_TEST_DOWN', 'instance unreachable');
        return MASTODON_DEFAULT_LIMITS;
      },
      shortenerFor: () => noShortener,
      enqueuePublish: async (plan) => void enqueued.push(plan),
    });

    const failure = await process({ item }).then(
      () => undefined,
      (error: unknown) => error,
    );
    // The job retries (its other routes are deduplicated by job id then), and the account
    // that is up got its post meanwhile instead of waiting on the one that is down.
    expect(errorKind(failure)).toBe('transient');
    expect(enqueued.map((plan) => plan.account)).toEqual(['up']);
  });
});
