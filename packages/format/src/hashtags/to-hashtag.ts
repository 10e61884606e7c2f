// Mastodon's hashtag grammar (app/models/tag.rb, reference §9): word characters (letters,
// marks, digits, underscore) with U+00B7, U+30FB and U+200C allowed between them, and at least
// one letter. Anything else (hyphen, dot, space, slash) ends a tag on the server.
const WORD = '\\p{L}\\p{M}\\p{Nd}_';
const SEPARATORS = '\\u00B7\\u30FB\\u200C';
const VALID = new RegExp(`^[${WORD}](?:[${WORD}${SEPARATORS}]*[${WORD}])?$`, 'u');
const SPLIT = new RegExp(`[^${WORD}${SEPARATORS}]+`, 'u');
const EDGE_SEPARATORS = new RegExp(`^[${SEPARATORS}]+|[${SEPARATORS}]+$`, 'gu');

/**
 * A category as a hashtag that Mastodon recognises whole, with its `#`, or undefined when it
 * has no letter (`2024`). Several words become CamelCase (`Open Source` → `#OpenSource`,
 * `über-cool` → `#ÜberCool`, `AI/ML` → `#AIML`); a single word keeps its case. Symbols that
 * name things are spelled out first: `c++` → `#cpp`, `C#` → `#CSharp`, `.NET` → `#DotNet`.
 */
export function toHashtag(category: string): string | undefined {
  const spelled = category
    .normalize('NFC')
    .trim()
    .replace(/^[#＃]+/, '')
    .replace(/(?<=\p{L})\+\+/gu, 'pp')
    .replace(/(?<=\p{L})#(?=$|[\s,/])/gu, 'Sharp')
    .replace(/(^|[\s/])\.net\b/giu, '$1DotNet')
    .replace(/['’ʼ]/g, '');
  const words = spelled
    .split(SPLIT)
    .map((word) => word.replace(EDGE_SEPARATORS, ''))
    .filter((word) => word !== '');
  const name = words.length === 1 ? words[0]! : words.map(capitalize).join('');
  if (!VALID.test(name) || !/\p{L}/u.test(name)) return undefined;
  return `#${name}`;
}

function capitalize(word: string): string {
  const first = word.codePointAt(0)!;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + word.slice(head.length);
}

/** Case- and width-insensitive identity of a tag, as Mastodon compares them. */
export function hashtagKey(tag: string): string {
  return tag
    .replace(/^[#＃]/, '')
    .normalize('NFKC')
    .toLowerCase();
}

const IN_TEXT = new RegExp(`(?<![=/)\\p{L}\\p{N}])[#＃]([${WORD}][${WORD}${SEPARATORS}]*)`, 'gu');

/** The hashtags already written in a text, as keys (`hashtagKey`). */
export function hashtagsInText(text: string): Set<string> {
  const keys = new Set<string>();
  for (const match of text.matchAll(IN_TEXT)) {
    const name = match[1]!.replace(EDGE_SEPARATORS, '');
    if (/\p{L}/u.test(name)) keys.add(hashtagKey(name));
  }
  return keys;
}
