import { describe, expect, it } from 'vitest';
import { decodeFeedBody, httpCharset } from './charset.ts';

const cp1252 = (text: string) =>
  Buffer.from([...text].map((c) => ({ '“': 0x93, '”': 0x94, '€': 0x80 })[c] ?? c.charCodeAt(0)));

describe('decodeFeedBody', () => {
  it('uses the XML declaration when HTTP names no charset', () => {
    const bytes = cp1252('<?xml version="1.0" encoding="windows-1252"?><t>“5 €” café</t>');
    const { text, charset } = decodeFeedBody(bytes, 'application/rss+xml');
    expect(charset).toBe('windows-1252');
    expect(text).toContain('“5 €” café');
  });

  it('prefers the HTTP charset over the XML declaration', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="windows-1252"?><t>café</t>', 'utf8');
    const { text, charset } = decodeFeedBody(bytes, 'text/xml; charset="UTF-8"');
    expect(charset).toBe('utf-8');
    expect(text).toContain('café');
  });

  it('prefers a byte-order mark over everything, and strips it', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><t>café</t>', 'utf8'),
    ]);
    const { text, charset } = decodeFeedBody(bytes, 'text/xml; charset=iso-8859-1');
    expect(charset).toBe('utf-8');
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('café');
  });

  it('decodes UTF-16 with a BOM', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>ÿes</t>', 'utf16le')]);
    expect(decodeFeedBody(body, undefined).text).toBe('<t>ÿes</t>');
  });

  it('falls back to UTF-8 for an unknown label, and by default', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="x-made-up"?><t>naïve</t>', 'utf8');
    expect(decodeFeedBody(bytes, undefined)).toMatchObject({ charset: 'utf-8' });
    expect(decodeFeedBody(Buffer.from('{"a":"ü"}'), 'application/json').text).toBe('{"a":"ü"}');
  });

  it('reads quoted and unquoted charset parameters', () => {
    expect(httpCharset('text/xml;charset=ISO-8859-1')).toBe('iso-8859-1');
    expect(httpCharset('text/xml; charset="utf-8"; foo=bar')).toBe('utf-8');
    expect(httpCharset('application/rss+xml')).toBeUndefined();
  });
});
