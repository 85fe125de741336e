/**
 * Bulk envelope budgeting from the web: the fill helpers and the bulk write that undoes them.
 * Type-only imports of the contract, as in api/types.ts: no schema code reaches the bundle.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { AssignmentCell, BulkAssignments, FillInput } from '../../../contract/envelope-bulk.ts';
import { request } from '../../api/http.ts';
import { envelopeKeys } from './queries.ts';

export type AssignmentCellJson = Static<typeof AssignmentCell>;
export type BulkAssignmentsJson = Static<typeof BulkAssignments>;
export type FillInputJson = Static<typeof FillInput>;
export type FillStrategyJson = FillInputJson['strategy'];

const envelope = (bookId: number) => `/api/v1/books/${bookId}/envelope`;

function useEnvelopeWrite<Input>(bookId: number, run: (input: Input) => Promise<BulkAssignmentsJson>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: envelopeKeys.all(bookId) }),
  });
}

/** One helper over the month: POST /envelope/months/{month}/fill. */
export function useFillMonth(bookId: number, month: string) {
  return useEnvelopeWrite(bookId, (body: FillInputJson) =>
    request<BulkAssignmentsJson>('POST', `${envelope(bookId)}/months/${month}/fill`, body),
  );
}

/** Many cells at once: PUT /envelope/assignments (an undo sends back the answer's `previous`). */
export function useSetAssignments(bookId: number) {
  return useEnvelopeWrite(bookId, (cells: AssignmentCellJson[]) =>
    request<BulkAssignmentsJson>('PUT', `${envelope(bookId)}/assignments`, { cells }),
  );
}
