/**
 * The note about a story's reporter that news sites print under it ("Jane Roe is a reporter for the Wire based in
 * Oslo. She covers energy."): about the byline's author, not the story, so never its claims. Read only for a
 * name the story's byline or reporters' credit gives, so a person the story is about is never taken for its author.
 */

/** "<Name> is a reporter …", "<Name> is Reuters' senior correspondent in Kyiv", "Анна Петрова — корреспондент …". */
const BIO_OPENING =
  /^((?:\p{Lu}[\p{L}'’.-]+\s+){1,3})(?:is|was|has been|—|–|-)\s+(?:an?\s+|the\s+|\p{Lu}[\p{L}'’]*\s+)?[^.]{0,80}?\b(?:reporter|correspondent|writer|editor|journalist|columnist|producer|photographer|bureau chief|contributor|корреспондент|журналист|обозреватель|редактор)/u;

export interface BioSentence {
  text: string;
  start: number;
  end: number;
}

/**
 * The indices of the sentences of author notes: a sentence opening its line that introduces someone the byline names
 * as a reporter, and the sentences after it on that line.
 */
export function authorBioSentences(text: string, sentences: readonly BioSentence[], bylines: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (!bylines.length) return out;
  const credited = bylines.join('\n').toLowerCase();
  for (let i = 0; i < sentences.length; i++) {
    const m = BIO_OPENING.exec(sentences[i]!.text);
    if (!m || !credited.includes(m[1]!.trim().toLowerCase())) continue;
    if (!startsLine(text, sentences[i]!.start)) continue;
    out.add(i);
    while (i + 1 < sentences.length && !/\n/.test(text.slice(sentences[i]!.end, sentences[i + 1]!.start))) out.add(++i);
  }
  return out;
}

function startsLine(text: string, pos: number): boolean {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return !text.slice(lineStart, pos).trim();
}
