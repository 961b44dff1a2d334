/** The one line a process prints on stdout once it listens; launchers and tests wait for it. */
export interface ReadyLine {
  event: 'ready';
  port: number;
  /** This process's own pid (not an npm wrapper's), so a supervisor can signal it directly. */
  pid: number;
  version: string;
  protocolVersion: number;
  url: string;
}

/** Write the ready line. stdout carries nothing else (logs go to stderr and the log file). */
export function announceReady(line: ReadyLine, write: (text: string) => void): void {
  write(`${JSON.stringify(line)}\n`);
}
