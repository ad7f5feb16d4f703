import { SHORTCUT_GROUPS } from '../../shared/keymap';
import { Kbd } from '../ui/Kbd';
import { Modal } from '../ui/Modal';
import { shortcutHelp } from './shortcuts';
import { useWorkbench } from './workbench';

const LINES = shortcutHelp();

export function ShortcutsDialog() {
  const { state, dispatch } = useWorkbench();
  return (
    <Modal
      open={state.dialog === 'shortcuts'}
      onOpenChange={(o) => !o && dispatch({ type: 'dialog', dialog: null })}
      title="Keyboard shortcuts"
      description="Single-key shortcuts work whenever you are not typing in a field; Esc leaves a field."
      width={780}
    >
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} className="shortcut-group">
            <h3 className="section-title">{group}</h3>
            <dl className="shortcut-list">
              {LINES.filter((s) => s.group === group).map((s) => (
                <div key={s.label} className="shortcut-row">
                  <dt className="shortcut-keys">
                    {s.keys.map((k) => (
                      <Kbd key={k}>{k}</Kbd>
                    ))}
                  </dt>
                  <dd className="shortcut-label">{s.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
