/** What a CLI subcommand may touch of the terminal; tests pass buffers. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}
