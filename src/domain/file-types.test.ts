import { describe, expect, it } from 'vitest';
import { acceptedTypesText, downloadName, sniffMediaType } from './file-types.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it('tells each accepted type from its first bytes', () => {
    expect(sniffMediaType(bytes('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
    expect(sniffMediaType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(
      'image/png',
    );
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toBe('image/jpeg');
    expect(sniffMediaType(bytes('RIFF', [0x24, 0x08, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('image/tiff');
    expect(sniffMediaType(bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('image/tiff');
  });

  it('refuses everything else, whatever it would be called', () => {
    expect(sniffMediaType(bytes('MZ\x90\x00\x03'))).toBeNull(); // a Windows executable
    expect(sniffMediaType(bytes([0x7f], 'ELF'))).toBeNull();
    expect(sniffMediaType(bytes('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(sniffMediaType(bytes('PK\x03\x04'))).toBeNull(); // zip, docx
    expect(sniffMediaType(bytes('GIF89a'))).toBeNull();
    expect(sniffMediaType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffMediaType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull(); // RIFF, but audio
    expect(sniffMediaType(bytes(' %PDF-1.7'))).toBeNull(); // the signature must open the file
    expect(sniffMediaType(new Uint8Array(0))).toBeNull();
  });

  it('needs the whole signature: a truncated one is not enough', () => {
    expect(sniffMediaType(bytes('%PDF'))).toBeNull();
    expect(sniffMediaType(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffMediaType(bytes('RIFF', [0, 0, 0, 0], 'WEB'))).toBeNull();
    expect(sniffMediaType(bytes([0xff, 0xd8]))).toBeNull();
  });
});

describe('downloadName', () => {
  it('keeps a name whose extension fits the real type, and adds the right one otherwise', () => {
    expect(downloadName('ticket.PDF', 'application/pdf')).toBe('ticket.PDF');
    expect(downloadName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(downloadName('invoice.exe', 'application/pdf')).toBe('invoice.exe.pdf');
    expect(downloadName('scan', 'image/tiff')).toBe('scan.tif');
    expect(downloadName('.png', 'image/png')).toBe('.png.png');
  });
});

it('names the accepted types for messages', () => {
  expect(acceptedTypesText()).toBe('PDF, PNG, JPEG, WebP or TIFF');
});
