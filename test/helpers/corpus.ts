import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared beside the checkout: the corpus and labelled data, read in place, never copied into the project. */
export const SHARED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
export const DATA_DIR = path.join(SHARED_DIR, 'data');

/** True when ../shared/corpus and ../shared/data sit beside the checkout (CI, the team's machines). */
export const hasShared = fs.existsSync(CORPUS_DIR) && fs.existsSync(DATA_DIR);

const announced = new Set<string>();

/**
 * The one skip mechanism for tests that read ../shared: `describe.skipIf(withoutShared(import.meta.url))(…)`
 * (or `it.skipIf`). Returns true when ../shared is absent and then prints one line per file saying why.
 */
export function withoutShared(testFileUrl: string): boolean {
  if (hasShared) return false;
  const file = path.relative(process.cwd(), fileURLToPath(testFileUrl));
  if (!announced.has(file)) {
    announced.add(file);
    console.log(`skipped in ${file}: these tests read ${SHARED_DIR}/{corpus,data}, which is absent beside this checkout`);
  }
  return true;
}

export interface GoldArticle {
  name: string;
  title: string;
  /** Paragraphs joined by blank lines; sentences inside a paragraph joined by single spaces. */
  text: string;
  sentences: string[];
}

/** Rebuild a GUM Wikinews article from its CoNLL-U gold sentences. */
export function readGumArticle(file: string): GoldArticle {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let title = '';
  const paragraphs: string[][] = [];
  const sentences: string[] = [];
  for (const line of lines) {
    if (line.startsWith('# meta::title = ')) title = line.slice('# meta::title = '.length).trim();
    else if (line.startsWith('# newpar') && !line.startsWith('# newpar_')) paragraphs.push([]);
    else if (line.startsWith('# text = ')) {
      const s = line.slice('# text = '.length).trim();
      if (paragraphs.length === 0) paragraphs.push([]);
      paragraphs[paragraphs.length - 1]!.push(s);
      sentences.push(s);
    }
  }
  const text = paragraphs
    .filter((p) => p.length > 0)
    .map((p) => p.join(' '))
    .join('\n\n');
  return { name: path.basename(file, '.conllu'), title, text, sentences };
}

export function gumArticles(): GoldArticle[] {
  const dir = path.join(CORPUS_DIR, 'news_en', 'gum_wikinews_conllu');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.conllu'))
    .sort()
    .map((f) => readGumArticle(path.join(dir, f)));
}

/**
 * English news sentences of six words or more that no Snopes fact-check covers, by collection: the GUM Wikinews
 * articles' gold sentences and the Federal Reserve statements as the app segments them. A "checked before" badge
 * on one of them is a false one.
 */
export async function uncoveredNewsSentences(): Promise<[string, string[]][]> {
  // Loaded here, not with this module: most tests that read the corpus never segment.
  const { proseSentences } = await import('../../shared/text/candidates');
  const long = (s: string) => s.split(/\s+/).length >= 6;
  const fomc = path.join(CORPUS_DIR, 'news_en', 'us_gov_fomc');
  if (!fs.existsSync(fomc)) return [];
  const statements = fs
    .readdirSync(fomc)
    .flatMap((f) => proseSentences(fs.readFileSync(path.join(fomc, f), 'utf8')).map((s) => s.text))
    .filter(long);
  return [
    ['GUM Wikinews sentences', gumArticles().flatMap((a) => a.sentences.filter(long))],
    ['Federal Reserve statement sentences', statements],
  ];
}

/** For benches and scripts that read ../shared: without it, say so in one line and exit 0. */
export function exitUnlessShared(what: string): void {
  if (hasShared) return;
  console.log(`${what}: skipped, it reads ${SHARED_DIR}/{corpus,data}, which is absent beside this checkout`);
  process.exit(0);
}
