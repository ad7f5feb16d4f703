/** Parse a file into text and scored sentences: the work the parse worker does off the main thread. */
import { analyzeText, type ScoredSentence } from '../../../shared/text/candidates';
import { extractDocument, type ExtractedDocument, type ProgressFn } from './extract';

export interface ParsedFile {
  document: ExtractedDocument;
  sentences: ScoredSentence[];
}

export async function parseFile(name: string, bytes: Uint8Array, onProgress: ProgressFn = () => {}): Promise<ParsedFile> {
  const document = await extractDocument(name, bytes, (f) => onProgress(f * 0.8));
  const sentences = analyzeText(document.text);
  onProgress(1);
  return { document, sentences };
}
