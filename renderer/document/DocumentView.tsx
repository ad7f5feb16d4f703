import { FileText, Scissors, Merge, Plus } from 'lucide-react';
import { useTakeLostFocus } from '../ui/focusHome';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { verdictLabel, type Claim, type DocumentRecord } from '../../shared/domain';
import { collapseWhitespace } from '../../shared/text/whitespace';
import type { DocumentSentence } from '../../shared/spotting/ingest-types';
import { onAppEvent } from '../api/client';
import { CLAIM_SOURCE_ATTRIBUTE } from '../app/shellRequests';
import { useKeyHandlers } from '../app/keymap';
import { useWorkbench } from '../app/workbench';
import { EmptyState } from '../ui/EmptyState';
import { Spinner } from '../ui/Progress';
import { Button } from '../ui/Button';
import { VerdictIcon, verdictKey } from '../ui/Verdict';
import { useNotify } from '../ui/notices';
import { layoutDocument, paragraphIndexAt, type Paragraph, type Piece } from './layout';
import { GarbledTextBanner } from './GarbledTextBanner';
import { OrphanBanner } from './OrphanBanner';
import { ReimportButton } from './ReimportButton';
import { SentenceCard, type HoveredSentence } from './SentenceCard';
import { selectionIn, type TextSelection } from './selection';
import { ThresholdControl } from './ThresholdControl';
import { useDocumentData } from './useDocumentData';
import { useSelectClaim } from './useSelectClaim';
import { useSpanActions } from './useSpanActions';
import { ViewToggle } from './ViewToggle';
import './document.css';

/** Paragraphs rendered at first; more follow as the reader scrolls (a 40 MB text stays responsive). */
const PARAGRAPH_CHUNK = 300;

/** The middle pane's document mode: the text with its claims highlighted in place. */
export function DocumentView({ documentId }: { documentId: string }) {
  const { document, sentences, claims } = useDocumentData(documentId);
  const claimCount = claims.data?.total;
  const error = document.error ?? sentences.error ?? claims.error;
  return (
    <section className="pane claims-pane document-pane" aria-label="Document">
      <div className="pane-toolbar">
        <ViewToggle />
        <span className="pane-count muted" aria-live="polite">
          {claimCount === undefined ? '' : `${claimCount.toLocaleString()} ${claimCount === 1 ? 'claim' : 'claims'}`}
        </span>
        <div className="toolbar-actions">{document.data && <ReimportButton document={document.data} />}</div>
      </div>
      <div className="doc-controls">
        <ThresholdControl />
        <span className="doc-legend muted" aria-hidden>
          <span className="doc-legend-claim">claim</span>
          <span className="doc-sentence is-candidate">candidate</span>
          <span className="doc-sentence">other sentence</span>
        </span>
      </div>
      {error ? (
        <p className="pane-message">{error.message}</p>
      ) : !document.data || !sentences.data || !claims.data ? (
        <Spinner label="Loading the document…" />
      ) : (
        <DocumentText
          document={document.data}
          sentences={sentences.data.sentences}
          threshold={sentences.data.threshold}
          claims={claims.data.items}
        />
      )}
    </section>
  );
}

interface DocumentTextProps {
  document: DocumentRecord;
  sentences: DocumentSentence[];
  threshold: number;
  claims: Claim[];
}

function DocumentText({ document: doc, sentences, threshold, claims }: DocumentTextProps) {
  const { state } = useWorkbench();
  const notify = useNotify();
  const selectClaim = useSelectClaim();
  const actions = useSpanActions(doc.id);
  const root = useRef<HTMLDivElement>(null);
  useTakeLostFocus(root);
  const paragraphs = useMemo(() => layoutDocument(doc.text, sentences, claims), [doc.text, sentences, claims]);
  const headlineParagraph = titleParagraph(doc, paragraphs);
  const claimById = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const [shown, setShown] = useState(PARAGRAPH_CHUNK);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [paneBox, setPaneBox] = useState<DOMRect | null>(null);
  const [hovered, setHovered] = useState<HoveredSentence | null>(null);
  const hideTimer = useRef<number | undefined>(undefined);
  const selectedId = state.selection.id;
  const selected = selectedId ? claimById.get(selectedId) : undefined;

  // Keep the selected claim on screen (j/k, a click in the list, a new claim), also when the view
  // opens on it or its size changes (the window, a banner): the observer fires once when it starts.
  // (Once more when the claims arrive after the text: until then the selected claim has no mark.)
  const selectedLoaded = selected !== undefined;
  const selectedStart = selected?.anchor?.start;
  const neededParagraphs = selectedStart === undefined ? 0 : paragraphIndexAt(paragraphs, selectedStart) + 1;
  const visible = Math.max(shown, neededParagraphs);
  useEffect(() => {
    const scroller = root.current;
    if (!selectedId || !scroller) return;
    const reveal = () =>
      scroller
        .querySelector(`[data-claim-id="${CSS.escape(selectedId)}"]`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'auto' });
    const observer = new ResizeObserver(reveal);
    observer.observe(scroller);
    return () => observer.disconnect();
    // Not on `visible`: more paragraphs rendering as the checker scrolls must not pull the view back.
  }, [selectedId, paragraphs, selectedLoaded]);

  const readSelection = useCallback(() => {
    const sel = root.current ? selectionIn(root.current) : null;
    setSelection(sel && !sel.collapsed ? sel : null);
    setPaneBox(root.current?.getBoundingClientRect() ?? null);
    return sel;
  }, []);
  useEffect(() => {
    const onChange = () => {
      const sel = root.current ? selectionIn(root.current) : null;
      if (!sel || sel.collapsed) setSelection(null);
    };
    window.document.addEventListener('selectionchange', onChange);
    return () => window.document.removeEventListener('selectionchange', onChange);
  }, []);

  const claimAt = (offset: number): Claim | undefined =>
    claims.find((c) => c.anchor && c.anchor.start <= offset && offset < c.anchor.end);

  const makeClaim = (sel: TextSelection | null) => {
    if (sel && !sel.collapsed) {
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      return void actions.createFromSpan(sel.start, sel.end);
    }
    const sentence = sel ? sentences.find((s) => s.start <= sel.start && sel.start < s.end) : undefined;
    if (sentence && !claimAt(sentence.start)) return void actions.createFromSpan(sentence.start, sentence.end);
    notify({ message: 'Select the words of the claim first, then press C.', tone: 'warning' });
  };
  const split = (sel: TextSelection | null) => {
    const target = (sel && claimAt(sel.start)) ?? selected;
    if (!target || !sel) {
      notify({ message: 'Click inside the claim where it should be split, then press B.', tone: 'warning' });
      return;
    }
    void actions.split(target, sel.start);
  };
  const merge = (sel: TextSelection | null) => {
    const target = (sel && claimAt(sel.start)) ?? selected;
    if (!target) {
      notify({ message: 'Select a claim first, then press M to merge it with the next one.', tone: 'warning' });
      return;
    }
    void actions.mergeNext(target);
  };

  // The shell's right-click menu: "Make a Claim" on a selection in this text.
  const makeClaimRef = useRef(makeClaim);
  useEffect(() => {
    makeClaimRef.current = makeClaim;
  });
  useEffect(
    () =>
      onAppEvent((event) => {
        if (event === 'menu:make-claim' && root.current) makeClaimRef.current(selectionIn(root.current));
      }),
    [],
  );

  const atCaret = () => (root.current ? selectionIn(root.current) : null);
  useKeyHandlers({
    'document.makeClaim': () => makeClaim(atCaret()),
    'document.split': () => split(atCaret()),
    'document.mergeNext': () => merge(atCaret()),
  });

  const onClick = (e: MouseEvent) => {
    const mark = (e.target as Element).closest<HTMLElement>('[data-claim-id]');
    const sel = readSelection();
    if (mark?.dataset.claimId && (!sel || sel.collapsed)) void selectClaim(mark.dataset.claimId);
  };

  const showCard = (e: MouseEvent) => {
    const el = (e.target as Element).closest<HTMLElement>('[data-sentence]');
    if (!el) return;
    window.clearTimeout(hideTimer.current);
    const index = Number(el.dataset.sentence);
    if (hovered?.index === index) return;
    const sentence = sentences[index];
    if (sentence) setHovered({ index, sentence, rect: el.getBoundingClientRect() });
  };
  const hideCardSoon = () => {
    window.clearTimeout(hideTimer.current);
    hideTimer.current = window.setTimeout(() => setHovered(null), 250);
  };

  return (
    <>
      <div
        ref={root}
        className="doc-scroll"
        tabIndex={0}
        role="region"
        aria-label={`Text of ${doc.title}. Select words and press C to make a claim; B splits a claim at the caret, M merges it with the next.`}
        {...{ [CLAIM_SOURCE_ATTRIBUTE]: '' }}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
        onClick={onClick}
        onMouseOver={showCard}
        onMouseOut={(e) => {
          if ((e.target as Element).closest('[data-sentence]')) hideCardSoon();
        }}
        onScroll={() => {
          setHovered(null);
          readSelection();
        }}
      >
        <article className="doc-article" lang={guessLang(doc.text)}>
          <DocumentHeader
            document={doc}
            headline={
              headlineParagraph && (
                <ParagraphText paragraph={headlineParagraph} text={doc.text} sentences={sentences} selectedId={selectedId} />
              )
            }
          />
          <GarbledTextBanner document={doc} sentences={sentences} />
          <OrphanBanner documentId={doc.id} claims={claims} />
          {paragraphs.length === 0 ? (
            <EmptyState icon={<FileText size={28} />} title="This document has no text" />
          ) : (
            paragraphs
              .slice(headlineParagraph ? 1 : 0, visible)
              .map((p) => (
                <ParagraphView key={p.start} paragraph={p} text={doc.text} sentences={sentences} selectedId={selectedId} />
              ))
          )}
          {visible < paragraphs.length && (
            <div className="doc-more">
              <Button size="sm" onClick={() => setShown(visible + PARAGRAPH_CHUNK)}>
                Show more ({(paragraphs.length - visible).toLocaleString()} paragraphs left)
              </Button>
            </div>
          )}
        </article>
      </div>
      {selection && selection.rect && (
        <div className="doc-float" style={floatPlacement(selection.rect, paneBox)} onMouseDown={(e) => e.preventDefault()}>
          <Button size="sm" variant="primary" onClick={() => makeClaim(selection)} data-testid="claim-from-selection">
            <Plus size={14} aria-hidden /> Make claim <kbd className="doc-float-kbd">C</kbd>
          </Button>
          {claimAt(selection.start) && (
            <>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => split(selection)}
                title="Split the claim where the selection starts"
              >
                <Scissors size={14} aria-hidden /> Split here <kbd className="doc-float-kbd">B</kbd>
              </Button>
              <Button size="sm" variant="ghost" onClick={() => merge(selection)} title="Merge this claim with the next one">
                <Merge size={14} aria-hidden /> Merge with next <kbd className="doc-float-kbd">M</kbd>
              </Button>
            </>
          )}
        </div>
      )}
      {hovered && (
        <SentenceCard
          hovered={hovered}
          threshold={threshold}
          onEnter={() => window.clearTimeout(hideTimer.current)}
          onLeave={hideCardSoon}
          onPromote={() => {
            setHovered(null);
            void actions.createFromSpan(hovered.sentence.start, hovered.sentence.end);
          }}
        />
      )}
    </>
  );
}

/**
 * Under the selection, right-aligned with its end, and kept inside the document pane so it never covers the
 * documents list or runs off the window.
 */
function floatPlacement(rect: DOMRect, bounds: DOMRect | null): { top: number; left: number; maxWidth: number } {
  const minLeft = (bounds?.left ?? 0) + 8;
  const maxWidth = Math.max(200, (bounds?.width ?? window.innerWidth) - 16);
  const maxLeft = (bounds?.right ?? window.innerWidth) - 8 - Math.min(maxWidth, FLOAT_WIDTH);
  return { top: rect.bottom + 6, left: Math.max(minLeft, Math.min(rect.right - FLOAT_WIDTH / 2, maxLeft)), maxWidth };
}
/** About the bar's width with all three actions; only used to keep it inside the pane. */
const FLOAT_WIDTH = 400;

/** Cyrillic text gets lang="ru" so screen readers and hyphenation pick the right language. */
function guessLang(text: string): string | undefined {
  const sample = text.slice(0, 2000);
  const cyrillic = (sample.match(/[\u0400-\u04FF]/g) ?? []).length;
  const latin = (sample.match(/[A-Za-z]/g) ?? []).length;
  return cyrillic > latin ? 'ru' : undefined;
}

function safeLink(origin: string | null): string | null {
  if (!origin) return null;
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The first paragraph when it is the document's title line: shown as the heading, with its claims marked, rather than
 * the title printed above the same line again.
 */
function titleParagraph(doc: DocumentRecord, paragraphs: readonly Paragraph[]): Paragraph | null {
  const first = paragraphs[0];
  if (!first) return null;
  const line = collapseWhitespace(doc.text.slice(first.start, first.end));
  return line === collapseWhitespace(doc.title) ? first : null;
}

function DocumentHeader({ document: doc, headline }: { document: DocumentRecord; headline: ReactNode }) {
  const link = safeLink(doc.origin);
  const date = doc.publishedAt ? new Date(doc.publishedAt) : null;
  const meta = [
    doc.publisher,
    date && !Number.isNaN(date.getTime()) ? date.toLocaleDateString(undefined, { dateStyle: 'medium' }) : doc.publishedAt,
  ].filter(Boolean);
  return (
    <header className="doc-header">
      <h2 className="doc-heading">{headline || doc.title}</h2>
      <p className="doc-byline muted">
        {meta.join(' · ')}
        {meta.length > 0 && doc.origin ? ' · ' : ''}
        {link ? (
          <a href={link} target="_blank" rel="noreferrer noopener" className="doc-origin">
            {new URL(link).host}
          </a>
        ) : (
          doc.origin
        )}
      </p>
    </header>
  );
}

interface ParagraphViewProps {
  paragraph: Paragraph;
  text: string;
  sentences: DocumentSentence[];
  selectedId: string | null;
}

function ParagraphView(props: ParagraphViewProps) {
  return (
    <p className="doc-para">
      <ParagraphText {...props} />
    </p>
  );
}

function ParagraphText({ paragraph, text, sentences, selectedId }: ParagraphViewProps) {
  return <>{paragraph.pieces.map((piece) => renderPiece(piece, text, sentences, selectedId))}</>;
}

function renderPiece(piece: Piece, text: string, sentences: DocumentSentence[], selectedId: string | null) {
  const content = text.slice(piece.start, piece.end);
  switch (piece.kind) {
    case 'plain':
      return (
        <span key={piece.start} data-start={piece.start}>
          {content}
        </span>
      );
    case 'sentence': {
      const s = sentences[piece.sentence];
      return (
        <span
          key={piece.start}
          data-start={piece.start}
          data-sentence={piece.sentence}
          className={`doc-sentence ${s?.checkWorthy ? 'is-candidate' : ''}`}
        >
          {content}
        </span>
      );
    }
    case 'claim':
      return (
        <mark
          key={piece.start}
          className={`doc-claim verdict-bg-${verdictKey(piece.verdict)} ${piece.claimId === selectedId ? 'is-selected' : ''}`}
          data-claim-id={piece.claimId}
          data-verdict={verdictKey(piece.verdict)}
          title={`${verdictLabel(piece.verdict)} claim (click to select)`}
        >
          {piece.first && <VerdictIcon verdict={piece.verdict} size={12} />}
          <span data-start={piece.start}>{content}</span>
        </mark>
      );
  }
}
