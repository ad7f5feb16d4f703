import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClaimbench } from '../../helpers/cli';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { tempDir } from '../../helpers/workspace';

const noShared = withoutShared(import.meta.url);

/** What the person reads first: the message up to its detail line. */
const mainPart = (line: string) => line.split('\nDetails: ')[0]!;

/** Every refusal says what is wrong and what to do, in plain words; parser jargon stays on the detail line. */
describe('import refusals a fact-checker can act on', () => {
  it.skipIf(noShared)(
    'damaged, empty, image-only and unsupported files each say what to do next',
    () => {
      const dir = tempDir();
      const ws = path.join(dir, 'refusals.claimbench');
      expect(runClaimbench(['init', ws]).code).toBe(0);
      const legacy = path.join(dir, 'memo.doc');
      fs.writeFileSync(legacy, 'not really a doc');
      const blank = path.join(dir, 'blank.txt');
      fs.writeFileSync(blank, ' \n\n ');
      const files = [
        path.join(CORPUS_DIR, 'fixtures/docx/apache-poi/truncated62886.docx'),
        path.join(CORPUS_DIR, 'fixtures/pdf/empty.pdf'),
        path.join(CORPUS_DIR, 'fixtures/pdf/GHOSTSCRIPT-698804-1-fuzzed.pdf'),
        legacy,
        blank,
      ];
      const r = runClaimbench(['import', ws, ...files]);
      expect(r.code).toBe(1);
      const stderr = r.stderr;
      expect(stderr).toContain(
        'truncated62886.docx: This Word file is damaged or incomplete: it may not have finished downloading or copying. Open it in Word (or LibreOffice) and save it again as .docx, or paste its text.\nDetails: no end of central directory',
      );
      expect(stderr).toContain(
        'empty.pdf: This PDF has no text in it, only images of pages (a scan or a photo), or nothing at all. Run it through text recognition (OCR) and import the result, or paste the text.',
      );
      expect(stderr).toMatch(/GHOSTSCRIPT-698804-1-fuzzed\.pdf: This PDF .*(OCR|paste its text)/);
      expect(stderr).toContain(
        'memo.doc: Claimbench cannot read .doc files. Open it in Word or LibreOffice and save it as .docx or .pdf',
      );
      expect(stderr).toContain('blank.txt has no text in it, only blank space. Check that it is the file you meant.');
      for (const line of stderr.split(/\n(?!Details: )/).filter((l) => l && !l.startsWith('claimbench:'))) {
        const main = mainPart(line);
        expect(main, line).toMatch(/(paste|OCR|Check that|save it|Get the file)/);
        expect(main, line).not.toMatch(/central directory|extractable|xmldom|damaged:|archive/);
      }
    },
    120_000,
  );
});
