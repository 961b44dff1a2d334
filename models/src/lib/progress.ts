/**
 * A text progress bar on stderr (stdout stays clean for machine-readable output; `null` silences it): redrawn in
 * place on a TTY, one line per 10% otherwise so CI logs stay short.
 */
export interface ProgressBar {
  update(done: number, note?: string): void;
  /** Final line; `done` defaults to the total (pass fewer when a run stops early). */
  finish(note?: string, done?: number): void;
}

export function progressBar(
  label: string,
  total: number,
  out: NodeJS.WriteStream | null = process.stderr,
): ProgressBar {
  if (out === null) return { update: () => undefined, finish: () => undefined };
  const width = 30;
  let lastDecile = -1;
  const render = (done: number, note: string): string => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(fraction * width);
    const pct = String(Math.round(fraction * 100)).padStart(3);
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${done}/${total} ${note}`;
  };
  return {
    update(done, note = '') {
      if (out.isTTY) {
        out.write(`\r${render(done, note)}\x1b[K`);
        return;
      }
      const decile = Math.floor((10 * done) / Math.max(1, total));
      if (decile !== lastDecile) {
        lastDecile = decile;
        out.write(`${render(done, note)}\n`);
      }
    },
    finish(note = '', done = total) {
      out.write(out.isTTY ? `\r${render(done, note)}\x1b[K\n` : `${render(done, note)}\n`);
    },
  };
}
