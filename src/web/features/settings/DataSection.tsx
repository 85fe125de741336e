import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/http.ts';
import type { RestoreResultJson } from '../../api/types.ts';
import { uploadWithProgress } from '../../api/upload.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { bookKeys, useBookId } from '../books/queries.ts';

type Restore =
  | { state: 'idle' }
  | { state: 'sending'; fraction: number }
  | { state: 'restoring' }
  | { state: 'done'; result: RestoreResultJson }
  | { state: 'failed'; error: unknown };

/**
 * Settings → Data (issue 13): the book's exports and backup as downloads, and a backup restored into
 * a new book from the browser, with the upload's progress (a twenty-year book's backup is megabytes).
 */
export function DataSection() {
  const bookId = useBookId();
  const base = `/api/v1/books/${bookId}`;
  return (
    <>
      <p>Everything in this book, to keep or to take elsewhere. Every member may download it.</p>
      <ul className="data-downloads">
        <li>
          <a className="button" href={`${base}/backup`} download>
            Download a full backup
          </a>{' '}
          <span className="muted">JSON: restores to an identical book, here or on another Moneta.</span>
        </li>
        <li>
          <a className="button" href={`${base}/transactions/export?format=csv`} download>
            Export transactions (CSV)
          </a>{' '}
          <span className="muted">
            One line per transaction (and per split), for spreadsheets and other apps.
          </span>
        </li>
        <li>
          <a className="button" href={`${base}/export/journal`} download>
            Export a journal (hledger)
          </a>{' '}
          <span className="muted">Plain-text accounting: hledger, ledger, beancount converters.</span>
        </li>
      </ul>
      <RestoreForm />
    </>
  );
}

function RestoreForm() {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [restore, setRestore] = useState<Restore>({ state: 'idle' });
  const busy = restore.state === 'sending' || restore.state === 'restoring';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setRestore({ state: 'sending', fraction: 0 });
    const query = name.trim() ? `?name=${encodeURIComponent(name.trim())}` : '';
    try {
      const result = await uploadWithProgress<RestoreResultJson>(
        `/api/v1/books/restore${query}`,
        file,
        'application/json',
        (fraction) => setRestore(fraction < 1 ? { state: 'sending', fraction } : { state: 'restoring' }),
      );
      await client.invalidateQueries({ queryKey: bookKeys.all });
      setRestore({ state: 'done', result });
    } catch (error) {
      setRestore({ state: 'failed', error });
    }
  }

  return (
    <form className="restore-form" onSubmit={submit} aria-label="Restore a backup">
      <h3>Restore a backup into a new book</h3>
      <p className="muted">
        The backup becomes a new book that you own; this book is not touched. Nothing is written unless the
        whole file is valid.
      </p>
      <Field label="Backup file">
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setRestore({ state: 'idle' });
            }}
          />
        )}
      </Field>
      <Field label="Name of the new book (optional)">
        {(props) => (
          <input
            {...props}
            value={name}
            placeholder="As in the backup"
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!file || busy}>
          {busy ? 'Restoring…' : 'Restore'}
        </button>
      </div>
      <div role="status" className="restore-status">
        {restore.state === 'sending' && (
          <>
            <progress max={1} value={restore.fraction} aria-label="Upload" /> Sending the file…{' '}
            {Math.round(restore.fraction * 100)} %
          </>
        )}
        {restore.state === 'restoring' && (
          <>
            <progress aria-label="Restoring" /> Checking and writing the book…
          </>
        )}
        {restore.state === 'done' && (
          <p>
            Restored “{restore.result.book.name}”: {restore.result.counts.transactions.toLocaleString()}{' '}
            transactions, {restore.result.counts.accounts.toLocaleString()} accounts and categories.{' '}
            <Link to={`/books/${restore.result.book.id}`}>Open it</Link>
          </p>
        )}
      </div>
      {restore.state === 'failed' && <RestoreProblems error={restore.error} />}
    </form>
  );
}

/** Why a backup was refused: the sentence, and the first of its problems, where in the file each is. */
function RestoreProblems({ error }: { error: unknown }) {
  const problems = error instanceof ApiError ? error.errors : [];
  return (
    <>
      <ErrorNotice error={error} />
      {problems.length > 0 && (
        <ul className="restore-problems">
          {problems.slice(0, 5).map((problem) => (
            <li key={`${problem.field} ${problem.message}`}>
              <code>{problem.field}</code>: {problem.message}
            </li>
          ))}
          {problems.length > 5 && <li>… and {problems.length - 5} more.</li>}
        </ul>
      )}
    </>
  );
}
