import type { ComponentType } from 'react';
import type { Claim } from '../../shared/domain';
import { ClaimantField, ClaimContext, ClaimTextField, RationaleField } from './ClaimFields';
import { HistoryList } from './HistoryList';
import { VerdictPicker } from './VerdictPicker';
import { AttachmentsSection } from '../evidence/AttachmentsSection';
import { NotesSection } from '../evidence/NotesSection';
import { RationaleWarning } from '../evidence/RationaleWarning';
import { SimilarSection } from '../evidence/SimilarSection';
import { FactChecksSection } from '../library/FactChecksSection';
import { SourcesSection } from '../evidence/SourcesSection';
import { TriageFields } from '../triage/TriageFields';
import { ConflictBanner } from '../team/ConflictBanner';
import { ScoreSection } from '../document/ScoreSection';

export interface DetailSection {
  id: string;
  /** Shown as the section heading; omit for sections that label themselves. */
  title?: string;
  Component: ComponentType<{ claim: Claim }>;
  /** Hide the section for claims where it has nothing to show. */
  when?: (claim: Claim) => boolean;
}

/**
 * The detail pane, top to bottom. Later panels (sources, notes, …) slot in by adding an entry.
 */
export const detailSections: DetailSection[] = [
  { id: 'conflict', Component: ConflictBanner, when: (c) => c.conflicted },
  { id: 'verdict', Component: VerdictPicker },
  { id: 'warning', Component: RationaleWarning },
  { id: 'text', Component: ClaimTextField },
  { id: 'claimant', Component: ClaimantField },
  { id: 'score', title: 'Check-worthiness', Component: ScoreSection, when: (c) => c.score !== null },
  { id: 'triage', Component: TriageFields },
  { id: 'rationale', Component: RationaleField },
  { id: 'context', title: 'In the document', Component: ClaimContext, when: (c) => c.anchor !== null },
  { id: 'fact-checks', title: 'Published fact-checks', Component: FactChecksSection },
  { id: 'sources', title: 'Sources', Component: SourcesSection },
  { id: 'attachments', title: 'Attachments', Component: AttachmentsSection },
  { id: 'notes', title: 'Notes', Component: NotesSection },
  { id: 'similar', title: 'Similar claims', Component: SimilarSection },
  { id: 'history', title: 'History', Component: HistoryList },
];
