import { describe, expect, it } from 'vitest';
import { png } from '../tests/_util.ts';
import { effectiveMimeType, imageDimensions, mediaTypeOf, sniffMimeType } from './media-files.ts';

describe('media files', () => {
  it('sniffs common formats from their magic bytes', () => {
    expect(sniffMimeType(png())).toBe('image/png');
    expect(sniffMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMimeType(Buffer.from('GIF89a....', 'latin1'))).toBe('image/gif');
    expect(sniffMimeType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffMimeType(Buffer.from('\0\0\0\x18ftypisom', 'latin1'))).toBe('video/mp4');
    expect(sniffMimeType(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe('video/webm');
    expect(sniffMimeType(Buffer.from('ID3\x04', 'latin1'))).toBe('audio/mpeg');
    expect(sniffMimeType(Buffer.from('plain text'))).toBeUndefined();
  });

  it('prefers the content over a wrong declared type, but keeps a declared container variant', () => {
    expect(effectiveMimeType(png(), 'image/jpeg')).toBe('image/png');
    expect(effectiveMimeType(png(), 'application/octet-stream')).toBe('image/png');
    expect(effectiveMimeType(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), 'audio/webm')).toBe(
      'audio/webm',
    );
    expect(effectiveMimeType(Buffer.from('??'), 'Image/PNG; charset=x')).toBe('image/png');
  });

  it('maps MIME types to attachment types', () => {
    expect(mediaTypeOf('image/gif')).toBe('image');
    expect(mediaTypeOf('video/quicktime')).toBe('video');
    expect(mediaTypeOf('video/x-ms-asf')).toBe('audio');
    expect(mediaTypeOf('application/pdf')).toBeUndefined();
  });

  it('reads image dimensions', () => {
    expect(imageDimensions(png(640, 480))).toEqual({ width: 640, height: 480 });
    const gif = Buffer.from('GIF89a\x20\x03\x58\x02', 'latin1');
    expect(imageDimensions(gif)).toEqual({ width: 800, height: 600 });
    // SOI, an APP0 segment of length 4, then SOF0 with height 300 and width 400.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c,
      0x01, 0x90, 0x03,
    ]);
    expect(imageDimensions(jpeg)).toEqual({ width: 400, height: 300 });
    expect(imageDimensions(Buffer.from('nothing'))).toBeUndefined();
  });
});
