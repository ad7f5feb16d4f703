/**
 * Checks a zip archive (a .docx) before any library inflates it: the sizes its central directory
 * declares are capped in total and by compression ratio, and every entry is then inflated once with
 * a hard output limit equal to its declared size, so an archive that lies about its sizes is caught
 * without ever holding more than the declared bytes. Only after this may mammoth/JSZip read it.
 */
import zlib from 'node:zlib';
import { importRefusal, NEXT } from './refusals';

export interface ZipLimits {
  /** Total uncompressed bytes over all entries. */
  maxTotalBytes: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed/compressed, checked for entries above `ratioFloorBytes` (small files compress oddly). */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

/** Text-heavy Word documents stay far below these: body XML compresses 5–20 times. */
export const DOCX_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1048576,
  maxEntryBytes: 64 * 1048576,
  maxRatio: 100,
  ratioFloorBytes: 1048576,
  maxEntries: 10_000,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

/** What is wrong with an archive, before it is said in a person's words (checkZipBounds). */
type ZipProblem = 'damaged' | 'too big' | 'unknown packing';

class ZipRefusal extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const damaged = (why: string) => new ZipRefusal('damaged', why);
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

/** The central directory's entries (ZIP64 sizes included), without inflating anything. */
export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged('no end of central directory');
  let count = buf.readUInt16LE(end + 10);
  let cdOffset = buf.readUInt32LE(end + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && end >= 20 && buf.readUInt32LE(end - 20) === ZIP64_EOCD_LOCATOR) {
    const z = Number(buf.readBigUInt64LE(end - 12));
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== ZIP64_EOCD) throw damaged('bad ZIP64 directory');
    count = Number(buf.readBigUInt64LE(z + 32));
    cdOffset = Number(buf.readBigUInt64LE(z + 48));
  }
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw damaged('bad central directory entry');
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > buf.length) throw damaged('central directory runs past the end');
    const entry: ZipEntryInfo = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    readZip64Extra(buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Fields set to 0xFFFFFFFF in the directory live, in this order, in the ZIP64 extra field (id 1). */
function readZip64Extra(extra: Buffer, entry: ZipEntryInfo): void {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const size = extra.readUInt16LE(q + 2);
    if (id === 1) {
      let f = q + 4;
      const next = () => {
        if (f + 8 > q + 4 + size) throw damaged('short ZIP64 field');
        const v = Number(extra.readBigUInt64LE(f));
        f += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    q += 4 + size;
  }
}

/** Refuses an archive whose declared or actual decompressed size breaks `limits`; returns its entries. */
export function checkZipBounds(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS, label = 'archive'): ZipEntryInfo[] {
  try {
    return checkBounds(bytes, limits);
  } catch (e) {
    if (!(e instanceof ZipRefusal)) throw e;
    const what = label === '.docx' ? 'Word file' : 'archive';
    const next = label === '.docx' ? NEXT.resaveWord : NEXT.download;
    if (e.problem === 'damaged')
      throw importRefusal(
        'CORRUPT',
        `This ${what} is damaged or incomplete: it may not have finished downloading or copying.`,
        next,
        e.detail,
      );
    if (e.problem === 'unknown packing')
      throw importRefusal(
        'UNSUPPORTED_FORMAT',
        `This ${what} packs its contents in a way Claimbench cannot read.`,
        next,
        e.detail,
      );
    throw importRefusal(
      'UNSUPPORTED_FORMAT',
      `This ${what} would unpack to far more than a document holds (as a “zip bomb” does), so Claimbench will not open it.`,
      next,
      e.detail,
    );
  }
}

function checkBounds(bytes: Uint8Array, limits: ZipLimits): ZipEntryInfo[] {
  const entries = readZipDirectory(bytes);
  if (entries.length > limits.maxEntries)
    throw new ZipRefusal('too big', `${entries.length} entries; the limit is ${limits.maxEntries}`);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    let why: string | null = null;
    if (e.uncompressedSize > limits.maxEntryBytes)
      why = `${e.name} would expand to ${mb(e.uncompressedSize)} (limit ${mb(limits.maxEntryBytes)})`;
    else if (total > limits.maxTotalBytes) why = `it would expand to more than ${mb(limits.maxTotalBytes)}`;
    else if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
      why = `${e.name} would expand ${Math.round(ratio)} times (limit ${limits.maxRatio})`;
    if (why) throw new ZipRefusal('too big', why);
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) verifyEntrySize(buf, e);
  return entries;
}

/** Inflates one entry with its declared size as a hard limit: a liar stops at that size. */
function verifyEntrySize(buf: Buffer, e: ZipEntryInfo): void {
  const h = e.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL) throw damaged(`bad local header for ${e.name}`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw damaged(`stored entry ${e.name} has two sizes`);
    return;
  }
  if (e.method !== 8) throw new ZipRefusal('unknown packing', `compression method ${e.method} in ${e.name}`);
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ZipRefusal('too big', `${e.name} expands beyond the ${e.uncompressedSize} bytes it declares`);
    throw damaged(`${e.name} cannot be inflated`);
  }
  if (out.length !== e.uncompressedSize) throw damaged(`${e.name} is not the size it declares`);
}
