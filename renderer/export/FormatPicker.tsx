import type { ReportFormat } from '../../shared/report';
import { FORMAT_CHOICES } from './formats';

/** A segmented choice of format: native radios (arrow keys move), drawn as cards. */
export function FormatPicker({ value, onChange }: { value: ReportFormat; onChange: (format: ReportFormat) => void }) {
  return (
    <fieldset className="export-fieldset">
      <legend className="section-title">Format</legend>
      <div className="format-grid">
        {FORMAT_CHOICES.map(({ format, label, description, Icon }) => (
          <label key={format} className="format-option" data-checked={value === format}>
            <input
              type="radio"
              name="export-format"
              className="visually-hidden"
              value={format}
              checked={value === format}
              onChange={() => onChange(format)}
            />
            <Icon size={18} className="format-icon" aria-hidden />
            <span className="format-text">
              <span className="format-label">{label}</span>
              <span className="format-description">{description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
