/**
 * The import as users run it (issue 12): 100,000 CSV rows through the API's preview and commit, in a
 * server process of its own (so its peak RSS is the import's), over HTTP as the web app sends them;
 * the batch is undone afterwards.
 */
import { readFileSync } from 'node:fs';
import { BENCH_EMAIL, BENCH_PASSWORD } from '../generate/write.ts';
import { logIn, startServer } from './server.ts';
import { round, type Timing, timing } from './stats.ts';

export interface ApiImportFigure {
  /** Milliseconds from the preview's request to the commit's answer, each run. */
  runs: number[];
  previewMs: number[];
  /** The server's peak resident memory over every run, in MB. */
  peakRssMb: number;
}

export async function importThroughApi(
  databaseUrl: string,
  bookId: number,
  accountId: number,
  file: string,
  runs: number,
): Promise<ApiImportFigure> {
  const server = await startServer(databaseUrl);
  try {
    const session = await logIn(server.base, BENCH_EMAIL, BENCH_PASSWORD);
    const api = `${server.base}/api/v1/books/${bookId}`;
    const headers = {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': 'application/json',
    };
    const post = async (path: string, body: unknown) => {
      const reply = await fetch(`${api}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const json = (await reply.json()) as { previewId: string; id: number; transactionCount: number };
      if (!reply.ok) throw new Error(`POST ${path}: ${reply.status} ${JSON.stringify(json).slice(0, 300)}`);
      return json;
    };
    const content = readFileSync(file).toString('base64');
    const figure: ApiImportFigure = { runs: [], previewMs: [], peakRssMb: 0 };
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const preview = await post('/imports/preview', { fileName: 'import-100k.csv', content, accountId });
      figure.previewMs.push(performance.now() - started);
      const batch = await post(`/imports/previews/${preview.previewId}/commit`, {});
      figure.runs.push(performance.now() - started);
      if (batch.transactionCount !== 100_000)
        throw new Error(`imported ${batch.transactionCount} rows, not 100,000`);
      await post(`/imports/${batch.id}/undo`, {});
    }
    figure.peakRssMb = server.peakRssMb();
    return figure;
  } finally {
    await server.stop();
  }
}

/** The bench's rows for it: the time of preview and commit together, and the server's peak RSS. */
export async function apiImportRows(
  databaseUrl: string,
  bookId: number,
  accountId: number,
  file: string,
  runs: number,
): Promise<
  Array<{
    name: string;
    target: string;
    api?: { client: Timing; server: Timing };
    value?: number;
    unit?: string;
  }>
> {
  process.stderr.write("import of 100,000 rows through the API's preview and commit…\n");
  const figure = await importThroughApi(databaseUrl, bookId, accountId, file, runs);
  const total = timing(figure.runs);
  return [
    {
      name: "import 100,000 rows through the API's preview and commit",
      target: '≤ 3,000 ms',
      api: { client: total, server: total },
    },
    {
      name: '… of which the preview',
      target: '',
      api: { client: timing(figure.previewMs), server: timing(figure.previewMs) },
    },
    { name: '… server RSS at peak', target: '≤ 250 MB', value: round(figure.peakRssMb), unit: 'MB' },
  ];
}
