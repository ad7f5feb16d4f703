/** Values an input offers as the person types (its `list` attribute names `id`); anything else can still be typed. */
export function SuggestionList({ id, values }: { id: string; values: readonly string[] | undefined }) {
  if (!values?.length) return null;
  return (
    <datalist id={id}>
      {values.map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  );
}
