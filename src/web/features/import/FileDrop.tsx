import { type DragEvent, useId, useState } from 'react';

/**
 * The file input, which is also a drop zone: a file dragged onto it is taken like a chosen one. The
 * input stays the keyboard's way in.
 */
export function FileDrop({
  reading,
  error,
  onFile,
}: {
  reading: boolean;
  error: string | undefined;
  onFile: (file: File) => void;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const describedBy = error ? `${id}-error` : `${id}-hint`;

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  }

  return (
    <fieldset
      className={`import-drop${over ? ' is-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <legend className="visually-hidden">The file</legend>
      <label htmlFor={id}>Bank file</label>
      <input
        id={id}
        type="file"
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        disabled={reading}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
        }}
      />
      <p className="hint" id={`${id}-hint`}>
        Choose a file or drop it here: CSV, OFX, QFX, QBO, QIF or CAMT.053, up to 50 MiB.
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
