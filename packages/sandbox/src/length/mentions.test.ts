import { describe, expect, it } from 'vitest';
import { countStatusLength } from './count.ts';
import { extractMentions } from './mentions.ts';

const count = (text: string) => countStatusLength(text, '', 23);
const mentions = (text: string) => extractMentions(text).map((m) => m.value);

describe('mentions', () => {
  it('drops the domain of a remote mention and keeps a local one', () => {
    expect(count('@alice@example.com')).toBe(6);
    expect(count('@alice')).toBe(6);
    expect(count('hi @Alice_B@social.example.org!')).toBe(3 + 8 + 1);
  });

  it('needs no TLD and no existing account', () => {
    expect(count('@alice@localhost')).toBe(6);
    expect(count('@alice@host-name.internal')).toBe(6);
  });

  it('allows dots and dashes inside usernames and Unicode in domains', () => {
    expect(mentions('@a.b-c@exämple.org')).toEqual(['a.b-c@exämple.org']);
    expect(count('@a.b-c@exämple.org')).toBe(6);
  });

  it('leaves a trailing dot outside', () => {
    expect(count('@alice@example.com.')).toBe(7);
  });

  it('is not a mention after a word character, / or =', () => {
    expect(count('alice@example.com')).toBe(17);
    expect(count('x@alice@example.com')).toBe(19);
    expect(count('https://a.example/x/@alice@example.com')).toBe(38);
    expect(count('a=@alice@example.com')).toBe(20);
    expect(count('é@alice@example.com')).toBe(19);
  });

  it('is not a mention when followed by @, an accented letter or ://', () => {
    expect(count('@alice@example.com@')).toBe(19);
    expect(mentions('@alice@example.com://x')).toEqual([]);
    expect(mentions('@aliceé')).toEqual([]);
  });

  it('drops the domain up to 253 characters and not beyond', () => {
    const domain = (length: number) => `${'b'.repeat(length - 4)}.com`;
    expect(count(`@alice@${domain(253)}`)).toBe(6);
    expect(count(`@alice@${domain(254)}`)).toBe(7 + 254);
  });

  it('counts several mentions', () => {
    expect(count('@a@x.org @b@y.org @c')).toBe(8);
  });
});
