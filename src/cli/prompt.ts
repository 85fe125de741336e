/** Questions on the terminal, with the answer to a password question never echoed. */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { Cancelled } from './io.ts';

export interface Prompter {
  ask(question: string): Promise<string>;
  /** Asks without echoing what is typed (for passwords). */
  askHidden(question: string): Promise<string>;
  close(): void;
}

export function createPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  let muted = false;
  // readline echoes typed characters to its output; this one drops them while a password is typed.
  const echo = new Writable({
    write(chunk, encoding, done) {
      if (!muted) output.write(chunk, encoding);
      done();
    },
  });
  const lines = createInterface({ input, output: echo, terminal: true });
  let closed = false;
  lines.on('SIGINT', () => lines.close());
  lines.on('close', () => {
    closed = true;
  });

  const question = (text: string): Promise<string> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Cancelled());
      const onClose = () => reject(new Cancelled());
      lines.once('close', onClose);
      lines.question(text).then(
        (answer) => {
          lines.off('close', onClose);
          resolve(answer);
        },
        (error: unknown) => {
          lines.off('close', onClose);
          reject(error);
        },
      );
    });

  return {
    ask: (text) => question(text).then((answer) => answer.trim()),
    async askHidden(text) {
      muted = true; // before the prompt shows: nothing typed from then on is echoed
      output.write(text);
      try {
        return await question('');
      } finally {
        muted = false;
        output.write('\n');
      }
    },
    close: () => lines.close(),
  };
}
