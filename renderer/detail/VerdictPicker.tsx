import type { Claim } from '../../shared/domain';
import { VERDICT_LABELS, VERDICTS } from '../../shared/domain';
import { useCommands } from '../app/commands';
import { Kbd } from '../ui/Kbd';
import { VERDICT_KEYS, VerdictIcon, verdictButtonTitle } from '../ui/Verdict';

/**
 * The three verdicts as a radio group: icon, word and key, colour only as a third cue. None is
 * checked while the claim is not reviewed; each is a decision recorded with author and time.
 */
export function VerdictPicker({ claim }: { claim: Claim }) {
  const commands = useCommands();
  return (
    <div
      className="verdict-picker"
      role="radiogroup"
      aria-label={claim.verdict === null ? 'Verdict (not reviewed yet)' : 'Verdict'}
      data-state={claim.verdict ?? 'unreviewed'}
    >
      {VERDICTS.map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={claim.verdict === v}
          className={`verdict-option verdict-${v}`}
          title={verdictButtonTitle(v)}
          aria-keyshortcuts={VERDICT_KEYS[v]}
          onClick={() => commands.setVerdict(v)}
        >
          <VerdictIcon verdict={v} size={16} />
          <span className="verdict-option-label">{VERDICT_LABELS[v]}</span>
          <Kbd>{VERDICT_KEYS[v].toUpperCase()}</Kbd>
        </button>
      ))}
    </div>
  );
}
