import { describe, expect, it } from 'vitest';
import { extractMentionEntities } from '../count/entities.ts';
import { MENTION_BREAK, neutralizeMentions } from './neutralize-mentions.ts';

const WJ = MENTION_BREAK;
// Mastodon's MENTION_RE (app/models/account.rb), transcribed to a JavaScript regex: the oracle
// the neutralised text must not match.
const SERVER_MENTION =
  /(?<![=/\p{L}\p{M}\p{Nd}\p{Pc}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\p{L}\p{M}\p{Nd}\p{Pc}]+(?:[.-]+[\p{L}\p{M}\p{Nd}\p{Pc}]+)*)?/giu;

describe('neutralizeMentions', () => {
  it('defuses remote and local mentions so the server finds none', () => {
    const text = 'Thanks @someone@mastodon.social and @bob, cc (@carol.x@example.org)!';
    const { text: out, count } = neutralizeMentions(text);
    expect(count).toBe(3);
    expect(out).toBe(
      `Thanks @${WJ}someone@mastodon.social and @${WJ}bob, cc (@${WJ}carol.x@example.org)!`,
    );
    expect(out.match(SERVER_MENTION)).toBeNull();
    // The length counter (an independent transcription) sees no mention either.
    expect(extractMentionEntities(text)).toHaveLength(3);
    expect(extractMentionEntities(out)).toEqual([]);
    // Invisible: with the joiner removed it reads exactly as before.
    expect(out.replaceAll(WJ, '')).toBe(text);
  });

  it('leaves e-mail addresses and URLs alone', () => {
    const text =
      'Mail alice@example.com or see https://mastodon.social/@alice and https://x.example/?u=@bob,@carol';
    expect(neutralizeMentions(text)).toEqual({ text, count: 0 });
  });

  it('defuses a mention right after a URL', () => {
    const text = 'https://example.com/a @dave@example.org';
    expect(neutralizeMentions(text).text).toBe(`https://example.com/a @${WJ}dave@example.org`);
  });

  it('ignores an @ that no username follows', () => {
    const text = 'meet @ 5pm, price @€3, @-sign';
    expect(neutralizeMentions(text)).toEqual({ text, count: 0 });
  });

  it('is idempotent', () => {
    const once = neutralizeMentions('hi @alice@example.org').text;
    expect(neutralizeMentions(once)).toEqual({ text: once, count: 0 });
  });

  it('keeps mentions in mode keep', () => {
    const text = 'hi @alice@example.org';
    expect(neutralizeMentions(text, 'keep')).toEqual({ text, count: 0 });
  });
});
