/**
 * Hostile input files built in code (no large committed fixtures): PDF page-tree bombs, zip bombs,
 * deeply nested and very large flat HTML.
 */
import zlib from 'node:zlib';

/** A PDF whose numbered objects are given as bodies; object 1 must be the catalog. Offsets computed. */
export function pdfFromObjects(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const PAGE_CONTENT = 'BT /F1 12 Tf 72 720 Td (The ministry said 157 drones were launched on Tuesday.) Tj ET';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/**
 * A page tree where every node lists the same child `fanout` times, `levels` deep: a file of a
 * couple of kilobytes that claims fanout^levels pages, all the same page object.
 */
export function pdfPageTreeBomb(fanout = 10, levels = 9): Uint8Array {
  // 1 catalog, 2..levels+1 the Pages nodes (2 is the root), then the page, its content and font.
  const pageObj = levels + 2;
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let l = 0; l < levels; l++) {
    const self = l + 2;
    const child = l === levels - 1 ? pageObj : self + 1;
    const kids = Array.from({ length: fanout }, () => `${child} 0 R`).join(' ');
    const parent = l === 0 ? '' : ` /Parent ${self - 1} 0 R`;
    objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${fanout ** (levels - l)}${parent} >>`);
  }
  objects.push(
    `<< /Type /Page /Parent ${levels + 1} 0 R /MediaBox [0 0 612 792] /Contents ${pageObj + 1} 0 R /Resources << /Font << /F1 ${pageObj + 2} 0 R >> >> >>`,
  );
  objects.push(`<< /Length ${PAGE_CONTENT.length} >>\nstream\n${PAGE_CONTENT}\nendstream`);
  objects.push(FONT);
  return pdfFromObjects(objects);
}

/** A page tree whose root lists itself among its kids (a cycle), next to one real page. */
export function pdfPageTreeCycle(): Uint8Array {
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${PAGE_CONTENT.length} >>\nstream\n${PAGE_CONTENT}\nendstream`,
    FONT,
  ]);
}

/** An ordinary PDF with `pages` distinct pages, each with one line of text. */
export function pdfWithPages(pages: number): Uint8Array {
  const first = 3; // page objects start here; each page takes 2 objects (page, content), font last
  const font = first + pages * 2;
  const kids = Array.from({ length: pages }, (_, i) => `${first + i * 2} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`];
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 12 Tf 72 720 Td (Page ${i + 1}: the ministry said 157 drones were launched.) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${first + i * 2 + 1} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objects.push(FONT);
  return pdfFromObjects(objects);
}

interface ZipEntry {
  name: string;
  /** Raw deflate data. */
  data: Buffer;
  /** The uncompressed size written in the headers (a liar may claim less than the data inflates to). */
  declaredSize: number;
  crc?: number;
}

/** A zip archive (deflate entries, no data descriptors) from prepared entries. */
export function zipFromEntries(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/**
 * Raw deflate data that inflates to `chunkMb` MB of spaces repeated `times` times: one chunk is
 * compressed with a full flush (so it does not depend on what came before) and repeated, then a
 * final empty block closes the stream. 1,600 MB costs about 1.6 MB and no time to build.
 */
export function deflateBomb(chunkMb: number, times: number): Buffer {
  const chunk = zlib.deflateRawSync(Buffer.alloc(chunkMb * 1048576, 0x20), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const final = Buffer.from([0x03, 0x00]); // an empty final fixed-Huffman block
  return Buffer.concat([...Array.from({ length: times }, () => chunk), final]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

function deflated(name: string, text: string): ZipEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: zlib.deflateRawSync(raw), declaredSize: raw.length };
}

/** A .docx whose word/document.xml inflates to `mb` MB; `honest` says whether the headers admit it. */
export function docxZipBomb(mb = 1600, honest = true): Uint8Array {
  const bomb = deflateBomb(16, Math.ceil(mb / 16));
  return zipFromEntries([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('_rels/.rels', RELS),
    { name: 'word/document.xml', data: bomb, declaredSize: honest ? Math.min(0xffffffff, mb * 1048576) : 4096 },
  ]);
}

/** A small valid .docx with the given paragraphs. */
export function docxWithParagraphs(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipFromEntries([deflated('[Content_Types].xml', CONTENT_TYPES), deflated('_rels/.rels', RELS), deflated('word/document.xml', xml)]);
}

/** `depth` unclosed `tag` elements around one sentence. */
export function nestedHtml(tag: string, depth: number, svg = false): Uint8Array {
  const open = `<${tag}>`.repeat(depth);
  const inner = 'The ministry said 157 drones were launched on Tuesday.';
  const body = svg ? `<svg>${open}<text>${inner}</text></svg>` : `${open}${inner}`;
  return new Uint8Array(Buffer.from(`<!doctype html><html><head><title>Deep</title></head><body>${body}</body></html>`));
}

/** A flat page of `count` paragraphs (about 100 bytes each). */
export function flatHtml(count: number): Uint8Array {
  const parts = ['<!doctype html><html><head><title>Flat</title></head><body><article>'];
  for (let i = 0; i < count; i++)
    parts.push(`<p>Paragraph ${i}: the ministry said that ${i % 997} drones were launched on Tuesday night.</p>\n`);
  parts.push('</article></body></html>');
  return new Uint8Array(Buffer.from(parts.join('')));
}
