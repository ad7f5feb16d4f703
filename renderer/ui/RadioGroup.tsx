import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface RadioGroupProps<T extends string> {
  label: string;
  options: readonly T[];
  /** The checked option; null while none is chosen (the first option is then the Tab stop). */
  value: T | null;
  onChange: (value: T) => void;
  renderOption: (option: T) => ReactNode;
  className: string;
  optionClassName: (option: T) => string;
  optionTitle?: (option: T) => string;
  /** Put the keyboard on the group's Tab stop when it mounts. */
  autoFocus?: boolean;
}

const STEPS: Record<string, number | 'first' | 'last'> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  Home: 'first',
  End: 'last',
};

/**
 * Options of which one is chosen, as a keyboard user expects a radio group: one Tab stop on the
 * checked option, arrows (and Home/End) move and choose, Space chooses. Enter chooses nothing, so
 * a form's Ctrl/Cmd+Enter, handled by the keymap, is the only key that acts on the form from here.
 */
export function RadioGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  renderOption,
  className,
  optionClassName,
  optionTitle,
  autoFocus = false,
}: RadioGroupProps<T>) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const tabStop = value !== null && options.includes(value) ? value : options[0];
  const focusOnMount = useRef(autoFocus);
  useEffect(() => {
    if (!focusOnMount.current || tabStop === undefined) return;
    focusOnMount.current = false;
    buttons.current.get(tabStop)?.focus({ preventScroll: true });
  }, [tabStop]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') return e.preventDefault();
    const step = STEPS[e.key];
    if (step === undefined || e.shiftKey) return;
    e.preventDefault();
    const at = tabStop === undefined ? 0 : options.indexOf(tabStop);
    const next = step === 'first' ? 0 : step === 'last' ? options.length - 1 : (at + step + options.length) % options.length;
    const option = options[next];
    if (option === undefined) return;
    onChange(option);
    buttons.current.get(option)?.focus();
  };

  return (
    <div className={className} role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      {options.map((option) => (
        <button
          key={option}
          ref={(el) => {
            if (el) buttons.current.set(option, el);
            else buttons.current.delete(option);
          }}
          type="button"
          role="radio"
          aria-checked={value === option}
          tabIndex={option === tabStop ? 0 : -1}
          className={optionClassName(option)}
          title={optionTitle?.(option)}
          onClick={() => onChange(option)}
        >
          {renderOption(option)}
        </button>
      ))}
    </div>
  );
}
