import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newsPageHtml } from '../../helpers/built-docs';
import { runClaimbench } from '../../helpers/cli';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { tempDir } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function cli(args: string[]): string {
  const r = runClaimbench(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** A PDF's pages and all its text, read back with pdf.js as a reader's viewer would. */
async function readPdf(file: string): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), useSystemFonts: true }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('') + '\n';
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

const flat = (text: string) => text.replace(/\s+/g, '');

interface ImportedArticle {
  file: string;
  dir: string;
  title: string;
  claims: { id: string; text: string }[];
}

function importArticle(articleFile: string): ImportedArticle {
  const dir = tempDir('claimbench-decided-');
  dirs.push(dir);
  const file = path.join(dir, 'desk.claimbench');
  cli(['init', file]);
  const line = cli(['import', file, articleFile]).split('\n')[0]!;
  const title = line
    .split(/\s{2,}/)
    .at(-1)!
    .trim();
  const claims = JSON.parse(cli(['claims', file, '--json'])) as { id: string; text: string }[];
  return { file, dir, title, claims };
}

/** Decide three claims, each with a source whose link and archived copy must survive on paper. */
function decideThree(a: ImportedArticle): { links: string[] } {
  const links: string[] = [];
  const verdicts = ['sourced', 'disputed', 'unverified'];
  a.claims.slice(0, 3).forEach((c, i) => {
    cli(['mark', a.file, c.id, verdicts[i]!]);
    const url = `https://example.org/evidence/${i + 1}`;
    const archive = `https://web.archive.org/web/2024050${i + 1}/${url}`;
    cli([
      'source',
      'add',
      a.file,
      c.id,
      '--url',
      url,
      '--title',
      `Evidence ${i + 1}`,
      '--archive-url',
      archive,
      '--accessed',
      '2024-05-04',
    ]);
    links.push(url, archive);
  });
  return { links };
}

async function checkDecidedPdf(a: ImportedArticle, links: string[]): Promise<void> {
  const target = path.join(a.dir, 'decided.pdf');
  expect(cli(['report', a.file, '--format', 'pdf', '--decided', '-o', target])).toMatch(/\(pdf, 3 claims\)/);
  const { pages, text } = await readPdf(target);
  expect(pages).toBeLessThanOrEqual(3);
  // Every link and archived copy is printed as text, not only kept as a link annotation.
  for (const link of links) expect(flat(text)).toContain(flat(link));
  expect(text).toContain('decided claims only');
  for (const c of a.claims.slice(3)) expect(flat(text)).not.toContain(flat(c.text).slice(0, 40));
}

describe('claimbench report --decided and search stemming', () => {
  it('prints a report of the decided claims only, in at most three pages, with every source link as text', async () => {
    const paragraphs = [
      'Drones struck the port of Odesa overnight, the regional governor said on Tuesday.',
      'He said 14 drones were shot down and two buildings were damaged in the city centre.',
      'The port handled 4.2 million tonnes of grain in May, according to the infrastructure ministry.',
      'Officials said exports had risen by 12 percent compared with the same month last year.',
      'The governor said repairs to the grain terminal would take at least three weeks.',
      'The ministry said 40 ships were waiting to enter the port on Monday.',
      'A spokesman for the navy said a drone boat was destroyed near the coast.',
      'Insurance rates for ships calling at the port have doubled since January, brokers said.',
    ];
    const dir = tempDir('claimbench-article-');
    dirs.push(dir);
    const page = path.join(dir, 'odesa.html');
    fs.writeFileSync(page, newsPageHtml({ title: 'Drones strike Odesa port as grain exports rise', paragraphs }));
    const a = importArticle(page);
    expect(a.title).toBe('Drones strike Odesa port as grain exports rise');
    expect(a.claims.length).toBeGreaterThan(3);
    const { links } = decideThree(a);
    await checkDecidedPdf(a, links);

    // The Markdown and HTML reports print the same links as text.
    const md = path.join(a.dir, 'decided.md');
    cli(['report', a.file, '--format', 'md', '--decided', '-o', md]);
    const mdText = fs.readFileSync(md, 'utf8');
    for (const link of links) expect(mdText).toContain(`<${link}>`);
    expect(mdText).toContain('accessed 4 May 2024');

    // "drone" finds "drones", "drones" finds "drone"; a quoted phrase stays exact.
    cli(['add', a.file, 'A drone boat was seen near the harbour at dawn.']);
    cli(['add', a.file, 'The boat carried no drone, the navy said.']);
    const hits = (q: string) =>
      JSON.parse(cli(['search', a.file, q, '--json'])) as { kind: string; text: string; matches: string[] }[];
    const claimHits = (q: string) => hits(q).filter((h) => h.kind === 'claim');
    expect(claimHits('drone').some((h) => /\bdrones\b/.test(h.text))).toBe(true);
    expect(claimHits('drones').some((h) => /\bdrone\b/.test(h.text))).toBe(true);
    // Whichever of the article's sentences are claims, the phrase finds only texts that hold it word for word.
    const phrase = claimHits('"drone boat"').map((h) => h.text);
    expect(phrase).toContain('A drone boat was seen near the harbour at dawn.');
    expect(phrase).not.toContain('The boat carried no drone, the navy said.');
    for (const text of phrase) expect(text.toLowerCase()).toContain('drone boat');
    expect(claimHits('drone boat').map((h) => h.text)).toEqual(expect.arrayContaining([...phrase, 'The boat carried no drone, the navy said.']));
  }, 120_000);

  it('stems Russian words in search: "беспилотника" finds "беспилотник" and "беспилотники"', () => {
    const dir = tempDir('claimbench-ru-');
    dirs.push(dir);
    const file = path.join(dir, 'ru.claimbench');
    cli(['init', file]);
    cli(['add', file, 'Беспилотник упал возле села, сообщили в администрации.']);
    cli(['add', file, 'Беспилотники атаковали порт ночью.']);
    cli(['add', file, 'Погода в Одессе остаётся тёплой.']);
    const texts = (JSON.parse(cli(['search', file, 'беспилотника', '--json'])) as { text: string }[]).map((h) => h.text);
    expect(texts.sort()).toEqual([
      'Беспилотник упал возле села, сообщили в администрации.',
      'Беспилотники атаковали порт ночью.',
    ]);
  });

  it.skipIf(noShared)(
    'on a real article: the title is its headline and three decided claims print in at most three pages',
    async () => {
      const a = importArticle(path.join(CORPUS_DIR, 'news_en/html_raw/wikimediafoundation.org.turkey.html'));
      expect(a.title).toBe('Access to Wikipedia restored in Turkey after more than two and a half years');
      const { links } = decideThree(a);
      await checkDecidedPdf(a, links);
    },
    120_000,
  );
});
