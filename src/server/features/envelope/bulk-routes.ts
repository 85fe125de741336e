import { BookParams, problems } from '../../../contract/common.ts';
import { MonthParams } from '../../../contract/envelope.ts';
import { BulkAssignments, BulkAssignmentsInput, FillInput } from '../../../contract/envelope-bulk.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { fillEnvelopeMonth, setAssignments } from './bulk-service.ts';

const tags = ['envelope'];

/** 15,000 cells of ~90 bytes each, with room: above the app's default 1 MiB. */
const BULK_BODY_LIMIT = 2 * 1024 * 1024;

/** /books/:bookId/envelope: many assignments in one request, and the helpers that fill a month. */
export async function envelopeBulkRoutes(app: App): Promise<void> {
  app.put(
    '/envelope/assignments',
    {
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Set many assignments (months × categories) in one write',
        description:
          'All cells or none, in one transaction. Answers what each cell holds now and held before: sending `previous` back as `cells` undoes the write.',
        params: BookParams,
        body: BulkAssignmentsInput,
        response: { 200: BulkAssignments, ...problems },
      },
    },
    async (request) => setAssignments(app.db, request.book!, request.body, now()),
  );

  app.post(
    '/envelope/months/:month/fill',
    {
      schema: {
        tags,
        summary:
          'Fill a month’s assignments by a helper: copy last month, last month’s spending, the 3-month average, or the targets',
        description:
          'Sets each chosen category’s assignment for the month (zero included; `targets` leaves out categories without a target) in one write, and answers as the bulk write does, `previous` included, for one undo.',
        params: MonthParams,
        body: FillInput,
        response: { 200: BulkAssignments, ...problems },
      },
    },
    async (request) => fillEnvelopeMonth(app.db, request.book!, request.params.month, request.body, now()),
  );
}
