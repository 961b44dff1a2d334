/**
 * @module
 * The package's launcher scripts: `predictiontrader` runs the agent (flags and commands pass
 * through: `predictiontrader pair`), `install` / `uninstall` set up autostart for this user.
 * POSIX shell on Linux and macOS, .cmd on Windows; both use the `node` on PATH.
 */
export interface LauncherFile {
  name: string;
  text: string;
  isExecutable: boolean;
}

const SH_HEAD = '#!/bin/sh\nset -eu\nhere=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)\n';

export function launcherFiles(platform: NodeJS.Platform): LauncherFile[] {
  if (platform === 'win32') {
    return [
      {
        name: 'predictiontrader.cmd',
        text: '@echo off\r\nnode "%~dp0dist\\agent\\agent.mjs" %*\r\n',
        isExecutable: false,
      },
      {
        name: 'install.cmd',
        text: '@echo off\r\nnode "%~dp0installer.mjs" install %*\r\n',
        isExecutable: false,
      },
      {
        name: 'uninstall.cmd',
        text: '@echo off\r\nnode "%~dp0installer.mjs" uninstall %*\r\n',
        isExecutable: false,
      },
    ];
  }
  return [
    {
      name: 'predictiontrader',
      text: `${SH_HEAD}exec node "$here/dist/agent/agent.mjs" "$@"\n`,
      isExecutable: true,
    },
    { name: 'install', text: `${SH_HEAD}exec node "$here/installer.mjs" install "$@"\n`, isExecutable: true },
    {
      name: 'uninstall',
      text: `${SH_HEAD}exec node "$here/installer.mjs" uninstall "$@"\n`,
      isExecutable: true,
    },
  ];
}
