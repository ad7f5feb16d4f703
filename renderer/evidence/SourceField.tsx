/** One labelled field of a source's origin, as both the add and the edit form show it. */
export function SourceField({
  id,
  label,
  type,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  type: 'text' | 'url' | 'date';
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  return (
    <label className={type === 'date' ? 'origin-field' : 'origin-field wide'} htmlFor={id}>
      <span className="origin-label">{label}</span>
      <input
        id={id}
        className="field-input"
        type={type}
        maxLength={type === 'date' ? 10 : 4_000}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
