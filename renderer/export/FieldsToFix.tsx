import { Fragment } from 'react';
import type { DraftProblems } from './draft';

type ProblemField = keyof DraftProblems;

/** In the order the form shows them, with the names their labels give them. */
const FIELDS: { field: ProblemField; label: string }[] = [
  { field: 'scope', label: 'Claims' },
  { field: 'title', label: 'Title' },
  { field: 'organisation', label: 'Organisation' },
  { field: 'author', label: 'Author' },
  { field: 'baseUrl', label: 'Published at' },
];

export function fieldsToFix(problems: DraftProblems): { field: ProblemField; label: string }[] {
  return FIELDS.filter(({ field }) => problems[field]);
}

function fieldElement(form: HTMLFormElement, field: ProblemField): HTMLElement | null {
  if (field !== 'scope') return form.querySelector<HTMLElement>(`#export-${field}`);
  return (
    form.querySelector<HTMLElement>('.scope-document input') ??
    form.querySelector<HTMLElement>('input[name="export-scope"]:checked')
  );
}

/** The field may sit below the fold of the form's scrolling column (at 1024×640 the credits do). */
function goTo(from: HTMLElement, field: ProblemField): void {
  const form = from.closest('form');
  const target = form ? fieldElement(form, field) : null;
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/** "To export, fix Organisation and Published at.": each name a button that takes the person to that field. */
export function FieldsToFix({ problems }: { problems: DraftProblems }) {
  const fields = fieldsToFix(problems);
  return (
    <span className="export-hint export-fix" data-testid="export-fields-to-fix">
      To export, fix{' '}
      {fields.map(({ field, label }, i) => (
        <Fragment key={field}>
          {i > 0 && (i === fields.length - 1 ? ' and ' : ', ')}
          <button type="button" className="link-button" title={`Go to ${label}`} onClick={(e) => goTo(e.currentTarget, field)}>
            {label}
          </button>
        </Fragment>
      ))}
      .
    </span>
  );
}
