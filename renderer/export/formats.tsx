import { BadgeCheck, Braces, FileCode2, FileSpreadsheet, FileText, Hash, type LucideIcon } from 'lucide-react';
import { REPORT_SCHEMA_VERSION, type ReportFormat, type ReportSection } from '../../shared/report';

export interface FormatChoice {
  format: ReportFormat;
  label: string;
  description: string;
  Icon: LucideIcon;
}

/** The formats in the order the dialog offers them: reading formats first, data formats after. */
export const FORMAT_CHOICES: FormatChoice[] = [
  { format: 'html', label: 'Web page', description: 'Self-contained HTML', Icon: FileCode2 },
  { format: 'pdf', label: 'PDF', description: 'Print-ready pages', Icon: FileText },
  { format: 'md', label: 'Markdown', description: 'For a wiki or CMS', Icon: Hash },
  { format: 'csv', label: 'Spreadsheet', description: 'CSV, a row per claim', Icon: FileSpreadsheet },
  { format: 'json', label: 'JSON', description: `All data, schema v${REPORT_SCHEMA_VERSION}`, Icon: Braces },
  { format: 'claimreview', label: 'ClaimReview', description: 'schema.org JSON-LD', Icon: BadgeCheck },
];

export const SECTION_CHOICES: { section: ReportSection; label: string; hint: string }[] = [
  { section: 'summary', label: 'Summary', hint: 'Totals and a chart by verdict' },
  { section: 'contents', label: 'Contents', hint: 'Documents and claims at a glance' },
  { section: 'context', label: 'Quote in context', hint: 'The sentence around each claim' },
  { section: 'sources', label: 'Sources', hint: 'Evidence and attachments per claim' },
  { section: 'notes', label: 'Notes', hint: 'Comments from the team' },
  { section: 'decisions', label: 'Decisions', hint: 'Who set each verdict, and when' },
  { section: 'appendix', label: 'Evidence appendix', hint: 'Attached files with SHA-256' },
];

/** Formats whose content is the claim list only (the sections shape the reading formats). */
export const DATA_FORMATS: ReportFormat[] = ['csv', 'json', 'claimreview'];
