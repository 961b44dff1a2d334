/**
 * Progress on stderr. On a TTY one line redrawn in place (`\r`), only when the shown percent
 * changes; otherwise a plain line every 10 %, so logs and CI output stay readable.
 */
export interface ProgressSink {
  readonly isTTY?: boolean | undefined;
  write(text: string): unknown;
}

const BAR_WIDTH = 30;

export function progressBar(sink: ProgressSink, label: string): (done: number, total: number) => void {
  let lastShown = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
    if (sink.isTTY === true) {
      if (percent === lastShown) return;
      lastShown = percent;
      const filled = Math.floor((percent * BAR_WIDTH) / 100);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
      sink.write(`\r${label} [${bar}] ${String(percent).padStart(3)}% ${done}/${total}`);
      if (done >= total) sink.write('\n');
      return;
    }
    const step = Math.floor(percent / 10) * 10;
    if (step === lastShown) return;
    lastShown = step;
    sink.write(`${label}: ${step}% (${done}/${total} events)\n`);
  };
}
