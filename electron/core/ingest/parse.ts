/** Parse a file into text and scored sentences: the work the parse worker does off the main thread. */
import { isClaimbenchError } from '../../../shared/result';
import { analyzeText, type ScoredSentence } from '../../../shared/text/candidates';
import { extractDocument } from './extract';
import type { ExtractedDocument, ProgressFn } from './extracted';
import { importRefusal, NEXT } from './refusals';

export interface ParsedFile {
  document: ExtractedDocument;
  /** Empty when only the text was asked for (`analyse: false`). */
  sentences: ScoredSentence[];
}

export interface ParseOptions {
  /** Text a person typed or pasted, sent as UTF-8: read as plain text whatever its name. */
  typed?: boolean;
  /** Segment, score and attribute the text (default); false stops after decoding and extracting. */
  analyse?: boolean;
}

export async function parseFile(
  name: string,
  bytes: Uint8Array,
  onProgress: ProgressFn = () => {},
  options: ParseOptions = {},
): Promise<ParsedFile> {
  let document: ExtractedDocument;
  try {
    document = await extractDocument(name, bytes, (f) => onProgress(f * 0.8), { typed: options.typed });
  } catch (e) {
    // A parser choking on a damaged file is the file's fault, in the worker and in-process (CLI) alike.
    if (isClaimbenchError(e)) throw e;
    const why = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 300) : String(e).slice(0, 300);
    throw importRefusal(
      'CORRUPT',
      `Claimbench could not read ${name}: it may be damaged, or not the kind of file its name says.`,
      NEXT.resaveAny,
      why,
    );
  }
  const sentences = options.analyse === false ? [] : analyzeText(document.text);
  onProgress(1);
  return { document, sentences };
}
