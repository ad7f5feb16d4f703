import type { ReportFormat } from '../../shared/report';
import { FORMAT_CHOICES } from './formats';

interface FormatPickerProps {
  value: ReportFormat;
  /** Formats this machine cannot export, each with why (PDF without Chromium). */
  unavailable: Partial<Record<ReportFormat, string>>;
  onChange: (format: ReportFormat) => void;
}

/** A segmented choice of format: native radios (arrow keys move), drawn as cards; an unavailable one says why. */
export function FormatPicker({ value, unavailable, onChange }: FormatPickerProps) {
  const reasons = FORMAT_CHOICES.filter(({ format }) => unavailable[format]);
  return (
    <fieldset className="export-fieldset">
      <legend className="section-title">Format</legend>
      <div className="format-grid">
        {FORMAT_CHOICES.map(({ format, label, description, Icon }) => {
          const why = unavailable[format];
          return (
            <label key={format} className="format-option" data-checked={value === format} data-unavailable={Boolean(why)}>
              <input
                type="radio"
                name="export-format"
                className="visually-hidden"
                value={format}
                checked={value === format}
                disabled={Boolean(why)}
                aria-describedby={why ? `format-unavailable-${format}` : undefined}
                onChange={() => onChange(format)}
              />
              <Icon size={18} className="format-icon" aria-hidden />
              <span className="format-text">
                <span className="format-label">{label}</span>
                <span className="format-description">{why ? 'Not available here' : description}</span>
              </span>
            </label>
          );
        })}
      </div>
      {reasons.map(({ format, label }) => (
        <p key={format} id={`format-unavailable-${format}`} className="format-unavailable">
          {label}: {unavailable[format]}
        </p>
      ))}
    </fieldset>
  );
}
