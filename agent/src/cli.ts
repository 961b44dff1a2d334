#!/usr/bin/env node
/**
 * `pt-agent`: run the agent (no subcommand), or one of `diagnostics`, `pair`, `devices`, `keys`
 * (see USAGE in config/command-line.ts).
 * Configuration problems exit 2 with a message naming the field; other start-up failures exit 1.
 */
import { runDevicesCommand } from './cli/devices.command.js';
import type { CliIo } from './cli/io.js';
import { runKeysCommand } from './cli/keys.command.js';
import { runPairCommand } from './cli/pair.command.js';
import { Command, parseCommandLine } from './config/command-line.js';
import { loadConfig } from './config/load-config.js';
import type { AgentConfig } from './config/schema.js';
import { writeDiagnostics } from './diagnostics/bundle.js';
import { isAgentError } from './lib/errors.js';
import { runAgent } from './main.js';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`pt-agent: ${message}\n`);
  process.exitCode = isAgentError(err) && err.code === 'CONFIG_INVALID' ? EXIT_USAGE : EXIT_FAILURE;
}

async function main(): Promise<void> {
  let commandLine: ReturnType<typeof parseCommandLine>;
  let config: AgentConfig;
  try {
    commandLine = parseCommandLine(process.argv.slice(2));
    // The one place the agent reads the environment.
    config = loadConfig({
      flags: commandLine.flags,
      env: process.env,
      platform: process.platform,
      cwd: process.cwd(),
    });
  } catch (err) {
    fail(err);
    return;
  }
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
  switch (commandLine.command) {
    case Command.Run:
      await runAgent(config, {
        writeStdout: (text) => process.stdout.write(text),
        writeStderr: (text) => process.stderr.write(text),
      });
      return;
    case Command.Diagnostics: {
      const file = await writeDiagnostics({
        config,
        nowMs: Date.now(),
        ...(commandLine.outFile === undefined ? {} : { outFile: commandLine.outFile }),
      });
      process.stdout.write(`${file}\n`);
      return;
    }
    case Command.Pair:
      process.exitCode = await runPairCommand(config, io);
      return;
    case Command.Devices:
      process.exitCode = await runDevicesCommand(config, commandLine.action, io);
      return;
    case Command.Keys:
      process.exitCode = await runKeysCommand(config, commandLine.action, io);
      return;
  }
}

main().catch(fail);
