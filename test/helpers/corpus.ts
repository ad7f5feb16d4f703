import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/corpus beside the checkout (read in place, never copied into the project). */
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

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
