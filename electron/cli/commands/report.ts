import { Option, type Command } from 'commander';
import { REPORT_FORMATS, reportOptionsPatchSchema, type ReportFormat, type ReportOptionsPatch } from '../../../shared/report';
import { parseOrThrow } from '../../../shared/validate';
import { modelFor } from '../../core/report/handlers';
import { renderPdf } from '../../core/report/pdf';
import { renderReport } from '../../core/report/render';
import { writeFileAtomically } from '../../core/report/write';
import { userError, withWorkspace } from '../context';
import type { CliIO } from '../io';
import { parseVerdictFilter } from '../verdict-args';

interface ReportFlags {
  format: string;
  output: string;
  document: string[];
  verdict: string[];
  query?: string;
  decided?: boolean;
  session?: string;
  title?: string;
  organisation?: string;
  byline?: string;
  baseUrl?: string;
}

const collectValues = (value: string, previous: string[]) => [...previous, value];

function parseFormat(value: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw userError(`Unknown format "${value}": use ${REPORT_FORMATS.join(', ')}`);
}

/** The flags as an options patch over the workspace's remembered report options (not saved). */
function optionsFrom(flags: ReportFlags): ReportOptionsPatch {
  const patch: ReportOptionsPatch = {};
  if (flags.title !== undefined) patch.title = flags.title;
  if (flags.organisation !== undefined) patch.organisation = flags.organisation;
  if (flags.byline !== undefined) patch.author = flags.byline;
  if (flags.baseUrl !== undefined) patch.baseUrl = flags.baseUrl;
  if (
    flags.document.length ||
    flags.verdict.length ||
    flags.query !== undefined ||
    flags.session !== undefined ||
    flags.decided
  ) {
    patch.scope = {
      ...(flags.document.length ? { documentIds: flags.document } : {}),
      ...(flags.verdict.length ? { verdicts: [...new Set(flags.verdict.map(parseVerdictFilter))] } : {}),
      ...(flags.query !== undefined ? { query: flags.query } : {}),
      ...(flags.decided ? { decided: true } : {}),
      ...(flags.session !== undefined ? { sessionId: flags.session } : {}),
    };
  }
  return parseOrThrow(reportOptionsPatchSchema, patch, 'options');
}

export function registerReportCommands(program: Command, io: CliIO): void {
  program
    .command('report')
    .description('export a verification report (html, pdf, md, csv, json or claimreview)')
    .argument('<file>', 'workspace file')
    .addOption(new Option('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`).makeOptionMandatory())
    .requiredOption('-o, --output <path>', 'where to write the report')
    .option('--document <id>', 'only this document (repeatable)', collectValues, [])
    .option(
      '--verdict <verdict>',
      'only claims with this verdict: sourced, disputed, unverified or unreviewed (repeatable)',
      collectValues,
      [],
    )
    .option('--query <text>', 'only claims whose text or claimant contains this')
    .option('--decided', 'only claims someone has decided (sourced, disputed or unverified); leaves out the not reviewed ones')
    .option('--session <id>', 'the claims of this checking session, with its summary')
    .option('--title <text>', 'report title (default: the remembered one)')
    .option('--organisation <name>', 'publishing organisation (required for claimreview)')
    .option('--byline <name>', 'report author shown under the title')
    .option('--base-url <url>', 'where the report will be published (required for claimreview)')
    .action(async (file: string, flags: ReportFlags) => {
      const format = parseFormat(flags.format);
      const patch = optionsFrom(flags);
      const model = await withWorkspace(file, program.opts(), async (ctx) =>
        modelFor(ctx.workspace, patch, () => ctx.identity.get().actorId),
      );
      let content: string | Buffer;
      let warnings: string[] = [];
      let claimCount = model.summary.total;
      if (format === 'pdf') {
        content = await renderPdf(renderReport('html', model).content, { footerText: model.title });
      } else {
        const rendered = renderReport(format, model);
        content = rendered.content;
        warnings = rendered.warnings;
        claimCount = rendered.claimCount;
      }
      writeFileAtomically(flags.output, content);
      for (const w of warnings) io.err(`warning: ${w}`);
      io.out(`Wrote ${flags.output} (${format}, ${claimCount === 1 ? '1 claim' : `${claimCount} claims`})`);
    });
}
