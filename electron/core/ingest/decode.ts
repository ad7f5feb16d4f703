/**
 * Bytes to text: BOMs, UTF-8, UTF-16/32 without BOM, and legacy 8-bit encodings (Cyrillic code pages
 * and Windows-1252) chosen by chardet's candidates plus a Cyrillic plausibility check.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

import { importRefusal } from './refusals';

export interface Decoded {
  text: string;
  encoding: string;
}

const LEGACY = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5', 'maccyrillic', 'ibm855', 'windows-1252'];

export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  const bom = fromBom(bytes);
  if (bom) return bom;
  if (declared && iconv.encodingExists(declared)) {
    const name = declared.toLowerCase();
    // A page declaring UTF-8 (or nothing usable) is still checked: declarations are often wrong.
    if (!/utf-?8/.test(name) || isUtf8(bytes)) return { text: iconv.decode(Buffer.from(bytes), name), encoding: name };
  }
  const wide = utf16or32WithoutBom(bytes);
  if (wide) return wide;
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (looksBinary(bytes))
    throw importRefusal(
      'UNSUPPORTED_FORMAT',
      'This file is not text (it holds binary data, like a program, picture or archive).',
      'If it is a Word or PDF document, rename it to end in .docx or .pdf; otherwise paste its text.',
    );
  return legacy(bytes);
}

function fromBom(b: Uint8Array): Decoded | null {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
    return { text: decodeUtf32(b.subarray(4), true), encoding: 'utf-32le' };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
    return { text: decodeUtf32(b.subarray(4), false), encoding: 'utf-32be' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  return null;
}

function decodeUtf32(b: Uint8Array, little: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength - (b.byteLength % 4));
  const out: string[] = [];
  for (let i = 0; i + 4 <= view.byteLength; i += 4) {
    const cp = view.getUint32(i, little);
    out.push(cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD');
  }
  return out.join('');
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** UTF-32 or UTF-16 without a BOM: text whose characters mostly share their high bytes. */
function utf16or32WithoutBom(b: Uint8Array): Decoded | null {
  const n = Math.min(b.length, 64 * 1024);
  if (n < 8) return null;
  if (b.length % 4 === 0) {
    for (const little of [true, false]) {
      let zeros = 0;
      for (let i = 0; i + 4 <= n; i += 4) if (little ? b[i + 2] === 0 && b[i + 3] === 0 : b[i] === 0 && b[i + 1] === 0) zeros++;
      if (zeros / (n / 4) > 0.95) {
        const text = decodeUtf32(b, little);
        if (plausibleText(text) > 0.9) return { text, encoding: little ? 'utf-32le' : 'utf-32be' };
      }
    }
  }
  if (b.length % 2 !== 0) return null;
  const candidates: Decoded[] = [];
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const highOffset = enc === 'utf-16le' ? 1 : 0;
    const highs = new Map<number, number>();
    for (let i = highOffset; i < n; i += 2) highs.set(b[i]!, (highs.get(b[i]!) ?? 0) + 1);
    const top2 = [...highs.values()]
      .sort((x, y) => y - x)
      .slice(0, 2)
      .reduce((s, v) => s + v, 0);
    if (top2 / (n / 2) < 0.8) continue;
    const text = iconv.decode(Buffer.from(b), enc);
    if (plausibleText(text) > 0.9) candidates.push({ text, encoding: enc });
  }
  return candidates.sort((x, y) => plausibleText(y.text) - plausibleText(x.text))[0] ?? null;
}

/** Share of characters that are letters, digits, spaces or common punctuation (not controls or PUA). */
function plausibleText(text: string): number {
  const sample = text.slice(0, 20_000);
  if (!sample) return 0;
  const ok = sample.match(/[\p{L}\p{N}\p{Zs}\p{P}\n\r\t\p{Sc}\p{Sm}]/gu)?.length ?? 0;
  return ok / sample.length;
}

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return control / Math.max(1, n) > 0.05;
}

const COMMON_CYRILLIC = new Set('оеаинтсрвлкмдпуяіь');

/**
 * How much a decoding reads like Cyrillic prose: Cyrillic share of letters, words with a sane case
 * pattern (Мама, мама, МАМА but not мАМА), and the share of the most frequent letters.
 */
export function cyrillicPlausibility(text: string): number {
  const sample = text.slice(0, 50_000);
  const words = sample.match(/\p{L}+/gu) ?? [];
  let letters = 0;
  let cyr = 0;
  let common = 0;
  let saneWords = 0;
  let cyrWords = 0;
  for (const w of words) {
    // ASCII words (markup, English) say nothing about which Cyrillic page this is.
    if (/^[A-Za-z]+$/.test(w)) continue;
    letters += w.length;
    const c = w.match(/[\u0400-\u04FF]/g)?.length ?? 0;
    cyr += c;
    if (c === w.length) {
      cyrWords++;
      if (/^\p{Lu}?\p{Ll}*$/u.test(w) || /^\p{Lu}+$/u.test(w)) saneWords++;
      for (const ch of w.toLowerCase()) if (COMMON_CYRILLIC.has(ch)) common++;
    }
  }
  if (letters === 0 || cyr === 0) return 0;
  // Box drawing, Latin-1 symbols and stray accents are what a wrong code page produces.
  const odd = sample.match(/[\u00A0-\u00BF\u2500-\u25FF\u2020-\u2122\u00C0-\u00FF]/g)?.length ?? 0;
  const penalty = Math.max(0, 1 - (5 * odd) / Math.max(1, cyr));
  return (cyr / letters) * (saneWords / Math.max(1, cyrWords) + common / cyr) * penalty;
}

function legacy(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes);
  const suggested = (chardet.analyse(bytes) ?? []).map((m) => m.name.toLowerCase()).filter((n) => iconv.encodingExists(n));
  const names = [...new Set([...LEGACY, ...suggested])];
  let best: { enc: string; score: number; text: string } | null = null;
  for (const enc of names) {
    if (enc === 'windows-1252' || !/125[01]|koi8|866|855|8859-5|cyrillic/.test(enc)) continue;
    const text = iconv.decode(buf, enc);
    const score = cyrillicPlausibility(text);
    if (!best || score > best.score) best = { enc, score, text };
  }
  // Plausible Cyrillic reaches ~1.5; Western text forced through a Cyrillic page scores far lower.
  if (best && best.score > 1.1) return { text: best.text, encoding: best.enc };
  const western = suggested.find((n) => /8859-1\b|1252|8859-15/.test(n)) ?? 'windows-1252';
  return { text: iconv.decode(buf, western), encoding: western };
}
