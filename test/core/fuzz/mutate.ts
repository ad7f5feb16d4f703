/**
 * Deterministic mutators for file fuzzing: generic byte damage plus format-aware damage (zip entries
 * of a .docx, xref tables and streams of a PDF, encodings of text, hostile markup in HTML).
 */
import JSZip from 'jszip';
import { seededRandom } from '../../../shared/seeded-random';

export type Rng = () => number;

export const rng: (seed: number) => Rng = seededRandom;

const int = (r: Rng, n: number) => Math.floor(r() * Math.max(1, n));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

export function flipBytes(r: Rng, b: Uint8Array, count = 1 + int(r, 8)): Uint8Array {
  const out = b.slice();
  for (let i = 0; i < count && out.length > 0; i++) out[int(r, out.length)] = int(r, 256);
  return out;
}

export function truncate(r: Rng, b: Uint8Array): Uint8Array {
  return b.slice(0, int(r, b.length));
}

/** A piece of `donor` spliced over a random range (or into the middle) of `b`. */
export function splice(r: Rng, b: Uint8Array, donor: Uint8Array): Uint8Array {
  const from = int(r, donor.length);
  const piece = donor.subarray(from, from + 1 + int(r, 2048));
  const at = int(r, b.length);
  const cut = r() < 0.5 ? 0 : int(r, 512);
  return Buffer.concat([b.subarray(0, at), piece, b.subarray(Math.min(b.length, at + cut))]);
}

export function repeatRange(r: Rng, b: Uint8Array): Uint8Array {
  const at = int(r, b.length);
  const piece = b.subarray(at, at + 1 + int(r, 256));
  return Buffer.concat([b.subarray(0, at), ...Array.from({ length: 2 + int(r, 50) }, () => piece), b.subarray(at)]);
}

export function generic(r: Rng, b: Uint8Array, donor: Uint8Array): Uint8Array {
  return pick(r, [
    () => flipBytes(r, b),
    () => truncate(r, b),
    () => splice(r, b, donor),
    () => repeatRange(r, b),
    () => flipBytes(r, truncate(r, b)),
  ])();
}

function indexesOf(b: Uint8Array, needle: string): number[] {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const out: number[] = [];
  for (let i = buf.indexOf(needle, 0, 'latin1'); i >= 0; i = buf.indexOf(needle, i + 1, 'latin1')) out.push(i);
  return out;
}

/** Damage one field of a zip local header or central directory entry, or the data of an entry. */
export function corruptZipEntry(r: Rng, b: Uint8Array): Uint8Array {
  const out = Buffer.from(b);
  const locals = indexesOf(out, 'PK\u0003\u0004');
  const centrals = indexesOf(out, 'PK\u0001\u0002');
  const ends = indexesOf(out, 'PK\u0005\u0006');
  const choice = int(r, 6);
  if (choice === 0 && locals.length > 0) {
    const at = pick(r, locals);
    out.writeUInt16LE(pick(r, [1, 6, 12, 14, 99, 0xffff]), at + 8); // compression method
  } else if (choice === 1 && locals.length > 0) {
    const at = pick(r, locals);
    out.writeUInt32LE(pick(r, [0, 1, 0x7fffffff, 0xffffffff]), at + 18 + 4 * int(r, 2)); // sizes
  } else if (choice === 2 && centrals.length > 0) {
    const at = pick(r, centrals);
    out.writeUInt32LE(int(r, 2 ** 32), at + 42); // local header offset
  } else if (choice === 3 && ends.length > 0) {
    const at = ends[ends.length - 1]!;
    out.writeUInt16LE(int(r, 0x10000), at + 10); // entry count
  } else if (choice === 4 && locals.length > 0) {
    const at = pick(r, locals);
    const nameLength = out.readUInt16LE(at + 26);
    const data = at + 30 + nameLength + out.readUInt16LE(at + 28);
    for (let i = 0; i < 1 + int(r, 16); i++) {
      const p = data + int(r, 400);
      if (p < out.length) out[p] = int(r, 256);
    }
  } else if (centrals.length > 0) {
    const at = pick(r, centrals);
    out.writeUInt32LE(int(r, 2 ** 32), at + 16); // CRC
  }
  return out;
}

const HOSTILE_XML = [
  // Billion laughs: entity expansion must not take the importer down.
  `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol5;</w:t></w:r></w:p></w:body></w:document>`,
  `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x; The ministry said 5 bridges closed.</w:t></w:r></w:p></w:body></w:document>`,
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p><w:r>'.repeat(3000)}`,
  '',
  'not xml at all \u0000\u0001',
];

/** Rewrite a part of the .docx package with hostile XML, drop a part, or add a path-traversing one. */
export async function hostileDocx(r: Rng, b: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(b);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const choice = int(r, 4);
  if (choice === 0) zip.file('word/document.xml', pick(r, HOSTILE_XML));
  else if (choice === 1 && parts.length > 0) zip.remove(pick(r, parts));
  else if (choice === 2) zip.file('../../../../tmp/claimbench-zip-slip.txt', 'escaped');
  else if (parts.length > 0) {
    const part = pick(r, parts);
    const text = await zip.file(part)!.async('uint8array');
    zip.file(part, flipBytes(r, text, 1 + int(r, 4)));
  }
  return zip.generateAsync({ type: 'uint8array', compression: r() < 0.5 ? 'DEFLATE' : 'STORE' });
}

/** Damage a PDF where parsers are most fragile: the xref table, startxref, stream lengths, stream data. */
export function corruptPdf(r: Rng, b: Uint8Array): Uint8Array {
  const text = Buffer.from(b).toString('latin1');
  const choice = int(r, 5);
  if (choice === 0) {
    const at = text.lastIndexOf('startxref');
    if (at >= 0) return Buffer.from(text.slice(0, at) + `startxref\n${int(r, 2 ** 31)}\n%%EOF\n`, 'latin1');
  }
  if (choice === 1) {
    const at = text.indexOf('xref');
    if (at >= 0) {
      const region = Buffer.from(b);
      for (let i = 0; i < 1 + int(r, 10); i++) {
        const p = at + 5 + int(r, 200);
        if (p < region.length) region[p] = pick(r, [0x30, 0x39, 0x20, 0x6e, 0x66, 0x0a, 0x00]);
      }
      return region;
    }
  }
  if (choice === 2) {
    return Buffer.from(
      text.replace(/\/Length (\d+)/g, (m, n: string) =>
        r() < 0.5 ? `/Length ${pick(r, [0, 1, Number(n) * 1000, 2 ** 31])}` : m,
      ),
      'latin1',
    );
  }
  if (choice === 3) {
    const streams = indexesOf(b, 'stream');
    if (streams.length > 0) {
      const out = Buffer.from(b);
      const at = pick(r, streams) + 7;
      for (let i = 0; i < 1 + int(r, 32); i++) {
        const p = at + int(r, 512);
        if (p < out.length) out[p] = int(r, 256);
      }
      return out;
    }
  }
  // Object numbers that point at themselves or nowhere.
  return Buffer.from(
    text.replace(/(\d+) 0 R/g, (m) => (r() < 0.3 ? `${int(r, 5)} 0 R` : m)),
    'latin1',
  );
}

const ENCODING_GARBAGE = [
  [0xc0, 0xaf], // overlong slash
  [0xed, 0xa0, 0x80], // UTF-8-encoded lone surrogate
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xff, 0xfe], // UTF-16 BOM in the middle
  [0xfe, 0xff, 0x00],
  [0xef, 0xbb, 0xbf], // BOM in the middle
  [0x00, 0x00, 0xfe, 0xff],
  [0xe2, 0x80, 0xae], // right-to-left override
  [0x1b, 0x5b, 0x33, 0x31, 0x6d], // terminal escape
  [0x00],
];

/** Text files in the wrong encoding: invalid sequences, stray BOMs, odd lengths for UTF-16/32. */
export function encodingGarbage(r: Rng, b: Uint8Array): Uint8Array {
  const choice = int(r, 4);
  if (choice === 0)
    return Buffer.concat([
      Buffer.from(
        pick(r, [
          [0xff, 0xfe],
          [0xfe, 0xff],
          [0xef, 0xbb, 0xbf],
          [0xff, 0xfe, 0, 0],
        ]),
      ),
      b.subarray(int(r, 3)),
    ]);
  if (choice === 1) {
    const parts: Uint8Array[] = [];
    let last = 0;
    for (let i = 0; i < 1 + int(r, 20); i++) {
      const at = last + int(r, Math.max(1, (b.length - last) / 4));
      parts.push(b.subarray(last, at), Uint8Array.from(pick(r, ENCODING_GARBAGE)));
      last = at;
    }
    parts.push(b.subarray(last));
    return Buffer.concat(parts);
  }
  if (choice === 2) return Uint8Array.from({ length: 1 + int(r, 4096) }, () => 0x80 + int(r, 128));
  return b.subarray(0, b.length - 1 - int(r, 3));
}

const HOSTILE_MARKUP = [
  () => `<html><body>${'<div>'.repeat(20_000)}The ministry said 7 bridges closed.${'</div>'.repeat(20_000)}</body></html>`,
  () =>
    '<html><head><meta charset="utf-7"></head><body>+ADw-script+AD4-alert(1)+ADw-/script+AD4- Officials said 3%.</body></html>',
  () => '<html><head><meta charset="x-user-defined"></head><body><p>Prices rose 4% in May.</p></body></html>',
  () => '<html><head><meta charset="utf-16"></head><body><p>Prices rose 4% in May.</p></body></html>',
  () => '<script>while(true){}</script><p>The mayor said 12,000 homes were built.</p>',
  () =>
    '<iframe src="file:///etc/passwd"></iframe><img src="http://127.0.0.1:1/x.png"><link rel="stylesheet" href="http://127.0.0.1:1/s.css"><p>Text 5%.</p>',
  () => `<p title="${'a'.repeat(500_000)}">Unemployment fell to 3%.</p>`,
  () => `<p>${'&amp;'.repeat(100_000)}</p>`,
  () => '<svg><foreignObject><math><mi><style><img src=x onerror=alert(1)></style></mi></math></foreignObject></svg>',
  () => '<base href="javascript:alert(1)//"><a href="x">The army said 40 tanks were lost.</a>',
  () => '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>&x;</body></html>',
  () => `<table>${'<tr><td>'.repeat(5000)}</table><p>Exports rose 9%.</p>`,
  () => '<p>\u0000\u0000\u0000</p><p>\uD800\uDC00</p>',
  () => '<!-- unterminated comment <p>The ministry said 5 people died.</p>',
  () => '<html><head><title>' + '\u202E'.repeat(10) + 'evil</title></head><body></body></html>',
];

/** Hostile markup on its own or spliced into a real page. */
export function hostileHtml(r: Rng, b: Uint8Array): Uint8Array {
  const markup = Buffer.from(pick(r, HOSTILE_MARKUP)(), 'utf8');
  if (r() < 0.5) return markup;
  const at = int(r, b.length);
  return Buffer.concat([b.subarray(0, at), markup, b.subarray(at)]);
}
