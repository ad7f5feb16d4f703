/** A labelled sentence from a check-worthiness TSV (CheckThat!/ClaimBuster format). */
export interface LabelledSentence {
  id: string;
  text: string;
  label: boolean;
}

/** Parse TSV text: fields split by tabs, optionally wrapped in double quotes with `""` as the escape; LF or CRLF. */
export function parseTsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = content.length;
  let atFieldStart = true;
  while (i < n) {
    const ch = content[i]!;
    if (atFieldStart && ch === '"') {
      i++;
      while (i < n) {
        if (content[i] === '"') {
          if (content[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += content[i]!;
        i++;
      }
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (ch === '\t') {
      row.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && content[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
    } else field += ch;
    i++;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || (r[0] ?? '').trim() !== '');
}

/**
 * Read `Sentence_id, Text, class_label` records. A row whose label cell carries the next
 * record's id (`No29286`, two records joined without a newline) is split into both records.
 */
export function parseCheckworthyTsv(content: string): LabelledSentence[] {
  const rows = parseTsv(content.replace(/^\uFEFF/, ''));
  const header = rows.shift() ?? [];
  const textCol = header.findIndex((h) => /^text$/i.test(h.trim()));
  const labelCol = header.findIndex((h) => /label/i.test(h));
  if (textCol < 0 || labelCol < 0) throw new Error('Expected a header with Text and class_label columns');
  const out: LabelledSentence[] = [];
  for (const r of rows) {
    let cells = r;
    while (cells.length >= 3) {
      const joined = /^(Yes|No)(\d+)$/i.exec((cells[labelCol] ?? '').trim());
      const label = joined ? joined[1]! : (cells[labelCol] ?? '').trim();
      if (!/^(yes|no)$/i.test(label)) throw new Error(`Bad label "${label}" for record ${cells[0]}`);
      out.push({ id: (cells[0] ?? '').trim(), text: cells[textCol] ?? '', label: /^yes$/i.test(label) });
      if (!joined) break;
      cells = [joined[2]!, ...cells.slice(labelCol + 1)];
    }
  }
  return out;
}

/**
 * Whole debates from ClaimBuster-style sentence ids: ids run in order through each debate and the files keep
 * only the candidates' sentences, so a debate shows as a run of ids and the jump to the next debate as a gap
 * wider than any inside one (moderators' turns leave gaps of up to about 20). Approximate: two debates with
 * no wider gap between them stay together.
 */
export function splitDebates(sentences: readonly LabelledSentence[], gap = 25): LabelledSentence[][] {
  const ordered = [...sentences].sort((a, b) => Number(a.id) - Number(b.id));
  const debates: LabelledSentence[][] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const s of ordered) {
    const id = Number(s.id);
    if (!Number.isFinite(id)) throw new Error(`Sentence id "${s.id}" is not a number: debates cannot be told apart`);
    if (id - previous > gap || debates.length === 0) debates.push([]);
    debates[debates.length - 1]!.push(s);
    previous = id;
  }
  return debates;
}
