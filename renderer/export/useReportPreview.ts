import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ReportOptions } from '../../shared/report';
import { call } from '../api/client';

/** Claims drawn in the live preview; the note says when the report holds more. */
export const PREVIEW_CLAIMS = 60;
const DEBOUNCE_MS = 300;

function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * report.preview for the options being edited, debounced so typing a title does not render on
 * every key. `options` is null while the form has an error; the last good preview stays.
 */
export function useReportPreview(options: ReportOptions | null) {
  const key = options ? JSON.stringify(options) : null;
  const debounced = useDebouncedValue(key, DEBOUNCE_MS);
  return useQuery({
    queryKey: ['report.preview', debounced, PREVIEW_CLAIMS] as const,
    queryFn: () => call('report.preview', { options: JSON.parse(debounced!) as ReportOptions, limit: PREVIEW_CLAIMS }),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    // The workspace may have changed since the dialog was last open.
    staleTime: 0,
    gcTime: 0,
  });
}
