#!/usr/bin/env node
/**
 * Render the app and file icons from SVG in headless Chromium and write every format the
 * packagers need into build/: PNGs (Linux, 256/512), .ico (Windows) and .icns (macOS), the
 * latter two as PNG-in-container, which both platforms read. Run by hand when the artwork
 * changes: `node scripts/make-icons.mjs` (needs Debian's chromium at /usr/bin/chromium).
 */
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');

/** A magnifier over a document with a check: "claims, examined". */
const mark = `
  <rect x="132" y="104" width="200" height="260" rx="18" fill="#ffffff"/>
  <rect x="164" y="150" width="136" height="16" rx="8" fill="#9fb6cc"/>
  <rect x="164" y="190" width="112" height="16" rx="8" fill="#9fb6cc"/>
  <rect x="164" y="230" width="128" height="16" rx="8" fill="#9fb6cc"/>
  <rect x="164" y="270" width="84" height="16" rx="8" fill="#9fb6cc"/>
  <circle cx="318" cy="318" r="82" fill="#2bb673" stroke="#ffffff" stroke-width="18"/>
  <path d="M280 318 l26 26 l50 -54" fill="none" stroke="#ffffff" stroke-width="22" stroke-linecap="round" stroke-linejoin="round"/>`;

const appSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="#274c77"/><stop offset="1" stop-color="#163150"/></linearGradient></defs>
  <rect x="24" y="24" width="464" height="464" rx="104" fill="url(#bg)"/>
  <g transform="translate(6 14)">${mark}</g>
</svg>`;

const fileSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <path d="M96 24 h232 l112 112 v328 a24 24 0 0 1 -24 24 h-320 a24 24 0 0 1 -24 -24 v-416 a24 24 0 0 1 24 -24z" fill="#f4f7fb" stroke="#274c77" stroke-width="12"/>
  <path d="M328 24 v88 a24 24 0 0 0 24 24 h88" fill="#dbe5ef" stroke="#274c77" stroke-width="12" stroke-linejoin="round"/>
  <g transform="translate(76 150) scale(0.62)">
    <rect x="24" y="24" width="464" height="464" rx="104" fill="#274c77"/>
    <g transform="translate(6 14)">${mark}</g>
  </g>
</svg>`;

async function render(browser, svg, size) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
}

/** ICO with PNG entries (Windows Vista and later). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

/** ICNS with PNG entries: ic07 = 128, ic08 = 256, ic09 = 512. */
function icns(images) {
  const types = { 128: 'ic07', 256: 'ic08', 512: 'ic09' };
  const chunks = images.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(types[size], 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  fs.mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  for (const [name, svg] of [
    ['icon', appSvg],
    ['claimbench-file', fileSvg],
  ]) {
    const sizes = {};
    for (const size of [16, 32, 48, 128, 256, 512]) sizes[size] = await render(browser, svg, size);
    fs.writeFileSync(path.join(buildDir, `${name}.svg`), `${svg}\n`);
    fs.writeFileSync(path.join(buildDir, `${name}.png`), sizes[512]);
    fs.writeFileSync(path.join(buildDir, `${name}.ico`), ico([16, 32, 48, 256].map((size) => ({ size, png: sizes[size] }))));
    fs.writeFileSync(path.join(buildDir, `${name}.icns`), icns([128, 256, 512].map((size) => ({ size, png: sizes[size] }))));
    if (name === 'icon') {
      for (const size of [256, 512]) fs.writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), sizes[size]);
    }
  }
  process.stdout.write(`icons written to ${path.relative(root, buildDir)}/\n`);
} finally {
  await browser.close();
}
