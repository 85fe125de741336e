import type { Io } from './io.ts';

/**
 * A progress bar on standard error: redrawn in place on a terminal, a line every 10 % otherwise
 * (so logs of a scheduled import stay readable).
 */
export function progressBar(io: Io, total: number) {
  const terminal = Boolean((process.stderr as { isTTY?: boolean }).isTTY) && io.env.CI !== 'true';
  let lastTenth = -1;
  return {
    update(done: number) {
      const share = total > 0 ? Math.min(1, done / total) : 1;
      if (terminal) {
        const filled = Math.round(share * 30);
        process.stderr.write(
          `\r[${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${Math.floor(share * 100)}%`,
        );
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.err(`… ${tenth * 10}%`);
      }
    },
    done() {
      if (terminal) process.stderr.write('\n');
    },
  };
}
