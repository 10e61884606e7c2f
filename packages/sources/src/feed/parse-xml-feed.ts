import Parser from 'rss-parser';
import { cleanText, textToHtml } from '../text.ts';
import { feedItem } from './feed-item.ts';
import { absoluteHttpUrl, mediaGroupDescription, xmlItemMedia } from './media.ts';
import { isoDate, type ParsedFeed, type ParsedFeedItem } from './parsed-feed.ts';
import { attrsOf, childrenOf, isRecord, stringField, textOf, type XmlRecord } from './xml-node.ts';

// rss-parser's typings only allow plain keys for feed fields; the keepArray form works too.
const CUSTOM_FIELDS = {
  feed: [['$', 'feedAttributes', { keepArray: true }]],
  item: [
    ['$', 'itemAttributes', { keepArray: true }],
    ['title', 'titleNodes', { keepArray: true }],
    ['content', 'contentNodes', { keepArray: true }],
    ['summary', 'summaryNodes', { keepArray: true }],
    ['content:encoded', 'contentEncoded'],
    ['dc:creator', 'dcCreator'],
    ['media:content', 'mediaContent', { keepArray: true }],
    ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
    ['media:group', 'mediaGroup', { keepArray: true }],
    ['media:description', 'mediaDescription'],
    ['media:title', 'mediaTitle'],
    ['enclosure', 'enclosures', { keepArray: true }],
    ['category', 'categoryList', { keepArray: true }],
    ['link', 'linkList', { keepArray: true }],
    ['updated', 'updated'],
  ],
};

/** RSS 0.9x/1.0/2.0 and Atom through rss-parser's `parseString`. Throws on malformed XML. */
export async function parseXmlFeed(text: string, feedUrl: string | undefined): Promise<ParsedFeed> {
  const parser = new Parser({ customFields: CUSTOM_FIELDS as never });
  const output = (await parser.parseString(text)) as unknown as XmlRecord;
  const isAtom = rootElement(text) === 'feed';
  const feedLink = absoluteHttpUrl(stringField(output, 'link'), feedUrl);
  const language =
    stringField(output, 'language') ?? attrsOf({ $: output.feedAttributes })['xml:lang'];
  const context: ItemContext = {
    isAtom,
    base: feedLink ?? feedUrl,
    feedUrl,
    ...(language ? { language } : {}),
  };
  const items = Array.isArray(output.items) ? output.items.filter(isRecord) : [];
  const title = cleanText(stringField(output, 'title'));
  return {
    ...(title ? { title } : {}),
    ...(feedLink ? { link: feedLink } : {}),
    ...(language ? { language } : {}),
    items: items.map((raw) => mapXmlItem(raw, context)),
  };
}

interface ItemContext {
  isAtom: boolean;
  base: string | undefined;
  feedUrl: string | undefined;
  language?: string;
}

function mapXmlItem(raw: XmlRecord, context: ItemContext): ParsedFeedItem {
  const titleNode = childrenOf(raw, 'titleNodes')[0];
  const title = cleanText(textOf(titleNode), isHtmlType(titleNode, context.isAtom));
  const guid = stringField(raw, 'guid') ?? stringField(raw, 'id') ?? stringField(raw, 'rdf:about');
  const link =
    absoluteHttpUrl(stringField(raw, 'link'), context.base) ??
    (guid && /^https?:\/\//i.test(guid) ? guid : undefined);
  const { contentHtml, summaryHtml } = bodies(raw, context.isAtom);
  const publishedAt = isoDate(stringField(raw, 'isoDate'));
  const updatedAt = isoDate(stringField(raw, 'updated'));
  const author = authorOf(raw);
  const language = attrsOf({ $: raw.itemAttributes })['xml:lang'] ?? stringField(raw, 'language');
  return feedItem(
    {
      id: guid,
      url: link,
      title,
      contentHtml,
      summaryHtml,
      author,
      publishedAt,
      updatedAt,
      language: language ?? context.language,
      categories: categoriesOf(raw),
      media: xmlItemMedia(raw, link ?? context.base),
    },
    context.feedUrl,
  );
}

/** Atom text constructs default to `type="text"`; RSS bodies are HTML by convention. */
function isHtmlType(node: unknown, isAtom: boolean): boolean {
  const type = attrsOf(node).type?.toLowerCase();
  return isAtom ? type === 'html' || type === 'xhtml' : false;
}

function bodies(raw: XmlRecord, isAtom: boolean): { contentHtml?: string; summaryHtml?: string } {
  if (!isAtom) {
    const encoded = stringField(raw, 'contentEncoded');
    const description = stringField(raw, 'content');
    return {
      ...((encoded ?? description) ? { contentHtml: (encoded ?? description)! } : {}),
      ...(encoded && description ? { summaryHtml: description } : {}),
    };
  }
  const described = mediaGroupDescription(raw);
  const content =
    atomBody(raw, 'content', 'contentNodes') ?? (described ? textToHtml(described) : undefined);
  const summary = atomBody(raw, 'summary', 'summaryNodes');
  return {
    ...((content ?? summary) ? { contentHtml: (content ?? summary)! } : {}),
    ...(summary ? { summaryHtml: summary } : {}),
  };
}

function atomBody(raw: XmlRecord, field: string, nodesField: string): string | undefined {
  const value = stringField(raw, field);
  if (!value) return undefined;
  const type = attrsOf(childrenOf(raw, nodesField)[0]).type?.toLowerCase();
  return type === 'html' || type === 'xhtml' || type?.includes('html') ? value : textToHtml(value);
}

function authorOf(raw: XmlRecord): string | undefined {
  const itunes = isRecord(raw.itunes) ? stringField(raw.itunes, 'author') : undefined;
  const value = stringField(raw, 'creator') ?? stringField(raw, 'author') ?? itunes;
  if (!value) return undefined;
  // RSS <author> is "email (Name)"; keep the name only.
  const named = /^\S+@\S+\s+\((.+)\)$/.exec(value);
  return cleanText(named ? named[1] : value);
}

function categoriesOf(raw: XmlRecord): string[] {
  const names = new Set<string>();
  for (const node of childrenOf(raw, 'categoryList')) {
    const attrs = attrsOf(node);
    const name = cleanText(textOf(node) ?? attrs.label ?? attrs.term);
    if (name) names.add(name);
  }
  return [...names];
}

/** Name of the document element, skipping the prolog, comments and doctype. */
function rootElement(text: string): string | undefined {
  return /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(
    text.slice(0, 65_536).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''),
  )?.[2];
}
