// A deterministic corpus of status texts for measuring agreement between Herald's counter and
// the sandbox's independent one: URLs of every kind, mentions, hashtags, emoji sequences,
// combining marks, CJK, RTL and Indic text, odd whitespace, and content warnings.

export interface CorpusItem {
  status: string;
  spoilerText: string;
}

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCHEMES = [
  'http',
  'https',
  'HTTPS',
  'Http',
  'dat',
  'dweb',
  'ipfs',
  'ipns',
  'ssb',
  'gopher',
  'gemini',
  'GEMINI',
];
const OTHER_SCHEMES = ['ftp', 'sftp', 'file', 'ws', 'wss', 'irc', 'httpx', 'htp'];
const HOSTS = [
  'example.com',
  'www.example.org',
  'a.io',
  'sub.domain.example.co.uk',
  'mastodon.social',
  'bücher.de',
  'пример.рф',
  '例え.みんな',
  'example.xn--p1ai',
  'xn--bcher-kva.de',
  'my_host.example.com',
  'ex-ample.net',
  'localhost',
  '192.168.0.1',
  'example.notarealtld',
  'example.c',
  'example.com.',
  't.co',
  'EXAMPLE.COM',
  'example.onion',
  'example.みんな',
];
const PATHS = [
  '',
  '/',
  '/path',
  '/path/to/page.html',
  '/wiki/Primer_(film)',
  '/a_(b_(c))',
  '/unbalanced)',
  '/(open',
  '/@alice@example.org',
  '/%E6%97%A5',
  '/日本語',
  '/path-',
  '/path+',
  '/path#frag',
  '/path#',
  '/~user/',
  '/a;b',
  '/a!b',
  '/a*b',
];
const QUERIES = ['', '?q=1', '?q=1&r=2', '?q=日本', '?q=1?', '?a=(b)', '?x=#y', '?q=a.b,c', '?'];
const PORTS = ['', '', '', ':8443', ':80', ':3000'];
const TRAILERS = [
  '',
  '',
  '',
  '.',
  ',',
  ':',
  ';',
  '!',
  '?',
  '"',
  "'",
  ')',
  ']',
  '*',
  '…',
  '。',
  '&',
  '|',
  '~',
  '$',
  '%',
  '=',
];
const BEFORE = [
  '',
  '',
  '',
  ' ',
  '(',
  '"',
  '.',
  'a',
  'Z',
  '0',
  '@',
  '＠',
  '$',
  '#',
  '＃',
  '\uFEFF',
  '\u200F',
  '日',
  '«',
  '/',
  ':',
  '\n',
  '-',
  '_',
];
const USERS = ['alice', 'bob_smith', 'a.l-ice', 'x', 'Zoë', 'user123', 'a..b', 'a-', '_u_'];
const MENTION_DOMAINS = [
  'example.com',
  'mastodon.social',
  'bücher.example',
  'localhost',
  'ex-ample.co.uk',
  'a',
  'dom_ain.org',
];
const MENTION_BEFORE = ['', ' ', 'x', '/', '=', '(', '.', '日', '_', 'RT '];
const MENTION_AFTER = [
  '',
  ' ',
  '.',
  '@',
  '＠',
  '://x',
  'é',
  'ñ',
  '!',
  ',',
  '日',
  '-',
  '-\u200D',
  '\u200C',
  '_',
];
const HASHTAGS = [
  '#tag',
  '#日本',
  '#v2024',
  '#2024',
  '#foo-bar',
  '#Ünïcödé',
  '#a·b',
  '#tag_name',
  '＃fullwidth',
  '#',
];
const EMOJI = [
  '👨‍👩‍👧‍👦',
  '👩🏽‍💻',
  '🇩🇪',
  '🇩🇪🇫🇷',
  '🏳️‍⚧️',
  '🏳️‍🌈',
  '👋🏽',
  '✨',
  '1️⃣',
  '#️⃣',
  '🏴󠁧󠁢󠁥󠁮󠁧󠁿',
  '❤️',
  '☺︎',
  '🧑‍🤝‍🧑',
  '🫠',
  '\u{1F1E6}',
];
const SCRIPTS = [
  'e\u0301',
  'a\u0308\u0301\u0323',
  'ñ',
  'Ελληνικά',
  'русский текст',
  '日本語のテキスト',
  '中文字符串',
  '한국어',
  '\u1100\u1161\u11A8',
  'مرحبا بالعالم',
  'שָׁלוֹם',
  'क्षि',
  'नमस्ते',
  'স্ত্রী',
  'ક્ષ',
  'ଷ୍ଟ',
  'క్ష',
  'ക്ഷ',
  'ကျွန်',
  'ខ្មែរ',
  'น้ำ',
  'ລາວ',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫ',
  '\u200B',
  '\u200D',
  '\u00AD',
  '\u2066abc\u2069',
];
const WORDS = [
  'lorem',
  'ipsum',
  'dolor',
  'sit',
  'amet',
  'Herald',
  'feed',
  'e-mail',
  "don't",
  'e.g.',
  'U.S.A.',
  'x',
];
const SEPARATORS = [
  ' ',
  ' ',
  ' ',
  '',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '\u3000',
  '\u00A0',
  '. ',
  ', ',
  ' — ',
];

export function generateCorpus(size: number, seed: number): CorpusItem[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;

  const url = () => {
    const scheme = chance(0.8) ? pick(SCHEMES) : pick(OTHER_SCHEMES);
    const slug = chance(0.1) ? `/${'p'.repeat(Math.floor(random() * 200))}` : pick(PATHS);
    return `${chance(0.93) ? `${scheme}://` : ''}${pick(HOSTS)}${pick(PORTS)}${slug}${pick(QUERIES)}${pick(TRAILERS)}`;
  };
  const mention = () => {
    const domain = chance(0.05)
      ? `${'d'.repeat(248 + Math.floor(random() * 8))}.com`
      : pick(MENTION_DOMAINS);
    const account = chance(0.7) ? `@${pick(USERS)}@${domain}` : `@${pick(USERS)}`;
    return `${pick(MENTION_BEFORE)}${chance(0.1) ? 'me' : ''}${account}${pick(MENTION_AFTER)}`;
  };
  const fragment = (): string => {
    const kind = random();
    if (kind < 0.3) return `${pick(BEFORE)}${url()}`;
    if (kind < 0.45) return mention();
    if (kind < 0.52) return pick(HASHTAGS);
    if (kind < 0.65)
      return Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(EMOJI)).join('');
    if (kind < 0.82) return pick(SCRIPTS);
    return pick(WORDS);
  };
  const text = (fragments: number) => {
    let result = chance(0.1) ? pick([' ', '\n', '\t', '\u3000', ' \r\n']) : '';
    for (let i = 0; i < fragments; i++) result += fragment() + pick(SEPARATORS);
    return result;
  };

  const items: CorpusItem[] = [...edgeCases()];
  while (items.length < size) {
    const status = chance(0.03)
      ? pick(['', '   ', '\u3000', '\n\t'])
      : text(1 + Math.floor(random() * 12));
    const spoilerText = chance(0.3) ? text(1 + Math.floor(random() * 3)) : '';
    items.push({ status, spoilerText });
  }
  return items;
}

/** Hand-picked boundaries: the upstream spec vectors and the limits around them. */
function edgeCases(): CorpusItem[] {
  const link49 = `http://${'b'.repeat(30)}.com/example`;
  const flag = '\u{1F3F3}\uFE0F\u200D\u26A7\uFE0F';
  const longUrl = (length: number) => {
    const prefix = 'https://example.com/';
    return prefix + 'a'.repeat(length - prefix.length);
  };
  const texts: [string, string][] = [
    ['a'.repeat(200), ''],
    ['', 'a'.repeat(200)],
    ['a'.repeat(50), 'a'.repeat(55)],
    [`${'a'.repeat(76)} ${link49}`, ''],
    [`${'a'.repeat(76)}${link49}`, ''],
    [`http://example.com/valid?${'#foo?'.repeat(1000)}`, ''],
    [`${'a'.repeat(75)} @alice@${'b'.repeat(30)}.com`, ''],
    [`@alice@${'b'.repeat(506)}.com`, ''],
    ['\u2728'.repeat(100), ''],
    [flag.repeat(100), ''],
    [longUrl(4096), ''],
    [longUrl(4097), ''],
    [`x ${longUrl(4096)} y`, ''],
    [`@alice@${'b'.repeat(249)}.com`, ''],
    [`@alice@${'b'.repeat(250)}.com`, ''],
    ['https://t.co/abc123/more', ''],
    [`https://t.co/${'a'.repeat(41)}`, ''],
    ['example.com/https://example.org/x', ''],
    ['https://example.com/@alice@example.org', ''],
    ['a\r\nb', ''],
    ['  hello  ', '  cw  '],
    ['\u0301x', 'e'],
    ['\u{1F1EA}', '\u{1F1E9}'],
    ['', 'http://a.io'],
    ['   ', 'https://example.com/cw/with/url'],
  ];
  return texts.map(([status, spoilerText]) => ({ status, spoilerText }));
}
