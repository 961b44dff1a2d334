/** A benchmark run by run.ts: returns its figures as plain lines, first line = headline figure. */
export interface Bench {
  name: string;
  run(): Promise<string[]>;
}
