import { describe, expect, it } from 'vitest';
import { firstBlockCommands } from './readme-commands.js';

describe('firstBlockCommands', () => {
  it('takes the first fenced block only, drops comments and blank lines', () => {
    const markdown = [
      '# Title',
      '',
      '```sh',
      'npm ci && npm start   # install, then run',
      '',
      "echo 'a # b' && x#y # trailing",
      '```',
      '',
      '```sh',
      'not this one',
      '```',
    ].join('\n');
    expect(firstBlockCommands(markdown)).toEqual(['npm ci && npm start', "echo 'a # b' && x#y"]);
  });

  it('says what is missing', () => {
    expect(() => firstBlockCommands('no code here')).toThrow(/no fenced code block/);
    expect(() => firstBlockCommands('```\n# only a comment\n```\n')).toThrow(/holds no command/);
  });
});
