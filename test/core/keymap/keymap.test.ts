import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bindingFor,
  chordLabel,
  KEY_MODES,
  KEYMAP,
  isDispatched,
  keymapClashes,
  matchesBinding,
  menuAccelerator,
  type Binding,
  type KeyPress,
} from '../../../shared/keymap';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra,
});

describe('the keymap', () => {
  it('never gives one key press to two bindings in the same mode', () => {
    expect(keymapClashes()).toEqual([]);
  });

  it('finds a clash when two bindings share a key in a shared mode, and not across modes', () => {
    const a: Binding = {
      command: 'a',
      chords: [{ key: 'j' }],
      modes: ['list', 'document'],
      label: 'A',
      group: 'Move',
    };
    const b: Binding = {
      command: 'b',
      chords: [{ key: 'J' }],
      modes: ['document'],
      label: 'B',
      group: 'Move',
    };
    const c: Binding = {
      command: 'c',
      chords: [{ key: 'j' }],
      modes: ['session'],
      label: 'C',
      group: 'Move',
    };
    const shifted: Binding = { ...c, command: 'd', chords: [{ key: 'j', shift: true }], modes: ['list'] };
    expect(keymapClashes([a, b])).toEqual(['j in document: a and b']);
    expect(keymapClashes([a, c, shifted])).toEqual([]);
  });

  it('resolves a key press by mode', () => {
    expect(bindingFor('list', press('j'))?.command).toBe('list.next');
    expect(bindingFor('document', press('ArrowDown'))?.command).toBe('list.next');
    expect(bindingFor('session', press('j'))?.command).toBe('session.next');
    expect(bindingFor('text', press('j'))).toBeUndefined();
    expect(bindingFor('list', press('J', { shiftKey: true }))?.command).toBe('list.extendDown');
    expect(bindingFor('document', press('J', { shiftKey: true }))).toBeUndefined();
    expect(bindingFor('list', press('Escape'))?.command).toBe('list.escape');
    expect(bindingFor('text', press('Escape'))?.command).toBe('field.leave');
    expect(bindingFor('session', press('Escape'))?.command).toBe('session.leave');
    expect(bindingFor('dialog', press('Enter', { ctrlKey: true }))?.command).toBe('dialog.submit');
    expect(bindingFor('dialog', press('Enter', { metaKey: true }))?.command).toBe('dialog.submit');
    expect(bindingFor('text', press('Enter', { ctrlKey: true }))?.command).toBe('field.submit');
    expect(bindingFor('text', press('e', { ctrlKey: true }))?.command).toBe('export.report');
    expect(bindingFor('text', press('z', { ctrlKey: true }))).toBeUndefined();
    // '?' is typed with Shift on most layouts: the symbol itself is the key.
    expect(bindingFor('list', press('?', { shiftKey: true }))?.command).toBe('help.shortcuts');
    expect(bindingFor('list', press('s', { altKey: true }))).toBeUndefined();
    expect(bindingFor('dialog', press('s'))).toBeUndefined();
  });

  it('lets components test their keys against the same declaration', () => {
    expect(matchesBinding('capture.addLine', press('Enter'))).toBe(true);
    expect(matchesBinding('capture.addLine', press('Enter', { shiftKey: true }))).toBe(false);
    expect(matchesBinding('conflicts.next', press('j'))).toBe(true);
    expect(matchesBinding('conflicts.next', press('j', { ctrlKey: true }))).toBe(false);
  });

  it('gives the Shortcuts dialog one line per binding with no duplicate keys and labels, and one Esc per mode', () => {
    const lines = KEYMAP.map((b) => `${b.chords.map((c) => chordLabel(c, false)).join(' ')} ${b.label}`);
    expect(new Set(lines).size).toBe(lines.length);
    expect(new Set(KEYMAP.map((b) => b.label)).size).toBe(KEYMAP.length);
    for (const mode of KEY_MODES) {
      const esc = KEYMAP.filter((b) => (b.modes as readonly string[]).includes(mode) && b.chords.some((c) => c.key === 'Escape'));
      expect(esc, mode).toHaveLength(1);
    }
    expect(chordLabel({ key: 'k', mod: true, shift: true }, false)).toBe('Ctrl+Shift+K');
    expect(chordLabel({ key: 'e', mod: true }, true)).toBe('⌘+E');
    expect(chordLabel({ key: 'j', shift: true }, false)).toBe('Shift+J');
    expect(chordLabel({ key: 'Escape' }, false)).toBe('Esc');
  });

  it('writes menu accelerators in Electron’s form', () => {
    expect(menuAccelerator('history.redo')).toBe('CmdOrCtrl+Shift+Z');
    expect(menuAccelerator('help.shortcuts')).toBe('CmdOrCtrl+/');
    expect(menuAccelerator('document.new')).toBe('CmdOrCtrl+N');
  });

  it('has a renderer handler for every binding the dispatcher runs', () => {
    const root = path.resolve(import.meta.dirname, '../../../renderer');
    const sources = fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => fs.readFileSync(path.join(root, f), 'utf8'))
      .join('\n');
    const missing = KEYMAP.filter((b) => isDispatched(b) && !sources.includes(`'${b.command}':`)).map((b) => b.command);
    expect(missing).toEqual([]);
  });
});
