/**
 * The commands a new user is told to run: the lines of README.md's FIRST fenced code block, each
 * without its trailing `# comment`. Read from the file, never written into a test, so the test
 * runs what the README says today.
 */
import { readFileSync } from 'node:fs';

/** The shell commands of the first fenced block of `markdown`, comments stripped, blank lines dropped. */
export function firstBlockCommands(markdown: string): string[] {
  const block = /^```[^\n]*\n([\s\S]*?)^```/m.exec(markdown);
  if (block?.[1] === undefined) throw new Error('README.md: no fenced code block');
  const commands = block[1]
    .split('\n')
    .map((line) => stripComment(line).trim())
    .filter((line) => line.length > 0);
  if (commands.length === 0) throw new Error('README.md: the first fenced block holds no command');
  return commands;
}

/** `line` up to an unquoted ` #` (a shell comment); `#` inside quotes or words is kept. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i);
  }
  return line;
}

/** The README's two commands: start the product, then test it. */
export function readmeCommands(readmeFile: string): { start: string; test: string } {
  const commands = firstBlockCommands(readFileSync(readmeFile, 'utf8'));
  const [start, test, ...extra] = commands;
  if (start === undefined || test === undefined || extra.length > 0)
    throw new Error(`README.md: expected exactly two commands in the first block, got ${commands.length}`);
  return { start, test };
}
