import { SessionsDialog } from './SessionsDialog';
import { StartSessionDialog } from './StartSessionDialog';
import { SummaryDialog } from './SummaryDialog';

export function SessionDialogs() {
  return (
    <>
      <StartSessionDialog />
      <SessionsDialog />
      <SummaryDialog />
    </>
  );
}
