/** Verdicts typed on the command line: any letter case, and a refusal that lists what is accepted. */
import { VERDICT_FILTERS, VERDICTS, type Verdict, type VerdictFilter } from '../../shared/domain';
import type { ClaimWarning } from '../../shared/evidence';
import { shellArg } from './shell-arg';
import { userError } from './context';

function oneOf(words: readonly string[]): string {
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function parseVerdict(text: string): Verdict {
  const v = text.trim().toLowerCase();
  if ((VERDICTS as readonly string[]).includes(v)) return v as Verdict;
  throw userError(`verdict must be ${oneOf(VERDICTS)}, not "${text}"`);
}

/** A verdict to filter by: a verdict, or "unreviewed" for claims nobody has decided yet. */
export function parseVerdictFilter(text: string): VerdictFilter {
  const v = text.trim().toLowerCase();
  if ((VERDICT_FILTERS as readonly string[]).includes(v)) return v as VerdictFilter;
  throw userError(`verdict must be ${oneOf(VERDICT_FILTERS)}, not "${text}"`);
}

/** What a weak verdict lacks, as the app's warning says it, and the command that adds it. */
export function weakVerdictAdvice(warning: ClaimWarning, file: string, claimId: string): string {
  const at = `${shellArg(file)} ${claimId}`;
  switch (warning.code) {
    case 'sourced-without-source':
      return `${warning.message} Add one: claimbench source add ${at} --url URL --stance supports`;
    case 'sourced-but-contradicted':
      return `${warning.message} Add a supporting one: claimbench source add ${at} --url URL --stance supports`;
    case 'disputed-without-evidence':
      return `${warning.message} Say why: claimbench mark ${at} disputed --rationale "…", or add one: claimbench source add ${at} --url URL --stance contradicts`;
  }
}
