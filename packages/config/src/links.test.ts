import { describe, expect, it } from 'vitest';
import { parseConfigText } from './load.ts';

const feed = (links: string) => `accounts: { demo: { dryRun: true } }
feeds:
  - id: a
    url: https://example.org/feed.xml
    to: [demo]
    links: ${links}
`;

describe('links.http', () => {
  it('is required when a route shortens through an external service', () => {
    const result = parseConfigText(feed('{ shorten: http }'), { env: {}, file: 'h.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['feeds[0].links.http']);
  });

  it('takes the external shortener settings', () => {
    const result = parseConfigText(
      feed(
        '{ shorten: http, http: { url: "https://s.example/rest/v3/short-urls", responsePath: shortUrl } }',
      ),
      { env: {}, file: 'h.yaml' },
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config.feeds[0]!.links?.http?.responsePath).toBe('shortUrl');
  });
});
