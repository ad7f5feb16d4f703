import { TriangleAlert } from 'lucide-react';
import { useMemo } from 'react';
import type { DocumentRecord } from '../../shared/domain';
import type { DocumentSentence } from '../../shared/spotting/ingest-types';
import { garbledTextWarning } from '../../shared/text/garbled';

/**
 * Much of the document's text could not be read (a PDF whose text layer is garbled): its stored sentences say so,
 * and the person is told to check its claims against the original.
 */
export function GarbledTextBanner({ document: doc, sentences }: { document: DocumentRecord; sentences: DocumentSentence[] }) {
  const warning = useMemo(
    () => garbledTextWarning(sentences, /\.pdf$/i.test(doc.origin ?? '') ? 'pdf' : null),
    [sentences, doc.origin],
  );
  if (!warning) return null;
  return (
    <div className="garbled-banner" role="status" data-testid="garbled-banner">
      <TriangleAlert size={15} aria-hidden />
      <span>{warning}</span>
    </div>
  );
}
