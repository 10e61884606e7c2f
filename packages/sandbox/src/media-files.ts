// What Mastodon accepts as an upload (reference/mastodon-server.md §3.4): MIME types, sizes and
// pixel counts. The type comes from the file's magic bytes when they are recognisable (Mastodon
// detects it from the content too), else from the part's declared Content-Type.
import type { MediaType } from './state.ts';

export const IMAGE_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/heic',
  'image/heif',
  'image/webp',
  'image/avif',
];
export const VIDEO_MIME_TYPES = ['video/webm', 'video/mp4', 'video/quicktime', 'video/ogg'];
export const AUDIO_MIME_TYPES = [
  'audio/wave',
  'audio/wav',
  'audio/x-wav',
  'audio/x-pn-wave',
  'audio/vnd.wave',
  'audio/ogg',
  'audio/vorbis',
  'audio/mpeg',
  'audio/mp3',
  'audio/webm',
  'audio/flac',
  'audio/aac',
  'audio/m4a',
  'audio/x-m4a',
  'audio/mp4',
  'audio/3gpp',
  'video/x-ms-asf',
];
export const SUPPORTED_MIME_TYPES = [...IMAGE_MIME_TYPES, ...VIDEO_MIME_TYPES, ...AUDIO_MIME_TYPES];

export const IMAGE_SIZE_LIMIT = 16 * 1024 * 1024;
export const VIDEO_SIZE_LIMIT = 99 * 1024 * 1024;
export const IMAGE_MATRIX_LIMIT = 7680 * 4320;
export const VIDEO_MATRIX_LIMIT = 3840 * 2160;
export const VIDEO_FRAME_RATE_LIMIT = 120;
export const DESCRIPTION_LIMIT = 10_000;

/** The attachment type Mastodon gives a MIME type (`video/x-ms-asf` is audio there). */
export function mediaTypeOf(mimeType: string): MediaType | undefined {
  if (AUDIO_MIME_TYPES.includes(mimeType)) return 'audio';
  if (IMAGE_MIME_TYPES.includes(mimeType)) return 'image';
  if (VIDEO_MIME_TYPES.includes(mimeType)) return 'video';
  return undefined;
}

const ascii = (bytes: Buffer, start: number, end: number) =>
  bytes.subarray(start, end).toString('latin1');

/** The MIME type the file's leading bytes reveal, when they reveal one. */
export function sniffMimeType(bytes: Buffer): string | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF') {
    const kind = ascii(bytes, 8, 12);
    if (kind === 'WEBP') return 'image/webp';
    if (kind === 'WAVE') return 'audio/wave';
  }
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
    if (['heic', 'heix', 'heim', 'heis'].includes(brand)) return 'image/heic';
    if (brand === 'mif1' || brand === 'msf1') return 'image/heif';
    if (brand === 'qt  ') return 'video/quicktime';
    if (brand.startsWith('M4A')) return 'audio/mp4';
    if (brand.startsWith('3gp')) return 'audio/3gpp';
    return 'video/mp4';
  }
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'video/webm';
  if (ascii(bytes, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(bytes, 0, 4) === 'fLaC') return 'audio/flac';
  if (ascii(bytes, 0, 3) === 'ID3') return 'audio/mpeg';
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0) return 'audio/mpeg';
  return undefined;
}

// Containers that carry audio or video: the declared type decides which one the file is.
const CONTAINER_FAMILIES = [
  ['video/webm', 'audio/webm'],
  ['audio/ogg', 'video/ogg', 'audio/vorbis'],
  ['video/mp4', 'audio/mp4', 'audio/m4a', 'audio/x-m4a', 'video/quicktime', 'audio/3gpp'],
  ['audio/wave', 'audio/wav', 'audio/x-wav', 'audio/x-pn-wave', 'audio/vnd.wave'],
  ['audio/mpeg', 'audio/mp3'],
];

/** The effective MIME type of an upload: sniffed, unless the declared one names the same container. */
export function effectiveMimeType(bytes: Buffer, declared: string): string {
  const normalized = declared.split(';')[0]!.trim().toLowerCase();
  const sniffed = sniffMimeType(bytes);
  if (!sniffed) return normalized;
  const family = CONTAINER_FAMILIES.find((members) => members.includes(sniffed));
  return family?.includes(normalized) ? normalized : sniffed;
}

/** Width and height of a PNG, GIF, JPEG or WebP image; undefined for anything else. */
export function imageDimensions(bytes: Buffer): { width: number; height: number } | undefined {
  const type = sniffMimeType(bytes);
  if (type === 'image/png' && bytes.length >= 24) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (type === 'image/gif' && bytes.length >= 10) {
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (type === 'image/jpeg') return jpegDimensions(bytes);
  if (type === 'image/webp') return webpDimensions(bytes);
  return undefined;
}

function jpegDimensions(bytes: Buffer): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    // Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return undefined;
}

function webpDimensions(bytes: Buffer): { width: number; height: number } | undefined {
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  return undefined;
}
