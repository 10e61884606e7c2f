import { mapUrls } from './find-urls.ts';
import { trackingParamMatcher } from './tracking-params.ts';

/**
 * Removes tracking parameters (`TRACKING_PARAMS` plus `extraParams`) from a URL's query and
 * keeps everything else byte for byte: parameter order, encoding, empty values, fragment.
 * The URL is edited as a string, never re-serialised, so nothing else can change.
 */
export function cleanUrl(url: string, extraParams: readonly string[] = []): string {
  return cleanWith(url, trackingParamMatcher(extraParams)).url;
}

export interface CleanedText {
  text: string;
  /** How many parameters were removed across all URLs. */
  removed: number;
}

/** `cleanUrl` applied to every URL in plain text. */
export function cleanUrlsInText(text: string, extraParams: readonly string[] = []): CleanedText {
  const isTracking = trackingParamMatcher(extraParams);
  let removed = 0;
  const cleaned = mapUrls(text, (url) => {
    const result = cleanWith(url, isTracking);
    removed += result.removed;
    return result.url;
  });
  return { text: cleaned, removed };
}

function cleanWith(url: string, isTracking: (name: string) => boolean) {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt < 0) return { url, removed: 0 };
  const pairs = beforeHash.slice(queryAt + 1).split('&');
  const kept = pairs.filter((pair) => pair === '' || !isTracking(paramName(pair)));
  const removed = pairs.length - kept.length;
  if (removed === 0) return { url, removed: 0 };
  const query = kept.join('&').replace(/^&+|&+$/g, '');
  const base = beforeHash.slice(0, queryAt);
  return { url: `${base}${query === '' ? '' : `?${query}`}${fragment}`, removed };
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
