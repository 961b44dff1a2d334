/**
 * @module
 * The autostart files for the current user, as text (pure, so every platform's file is generated
 * and checked on any machine): a systemd user unit (Linux), a LaunchAgent plist (macOS), and on
 * Windows a Task Scheduler task (logon trigger, restart on failure) plus a Startup-folder fallback.
 */
import { posix, win32 } from 'node:path';

export type InstallPlatform = 'linux' | 'darwin' | 'win32';

export interface AutostartInput {
  /** The package folder (holds `dist/agent/agent.mjs`). */
  packageDir: string;
  /** The Node.js binary that runs the agent (absolute). */
  nodePath: string;
  dataDir: string;
  /** Windows only: DOMAIN\\user for the logon trigger. */
  userId?: string;
}

export const SERVICE_NAME = 'predictiontrader-agent';
export const LAUNCH_AGENT_LABEL = 'com.predictiontrader.agent';

/** Where each file goes, relative to the user's home. */
export function autostartPaths(platform: InstallPlatform, home: string, appData?: string): string[] {
  if (platform === 'linux')
    return [posix.join(home, '.config', 'systemd', 'user', `${SERVICE_NAME}.service`)];
  if (platform === 'darwin')
    return [posix.join(home, 'Library', 'LaunchAgents', `${LAUNCH_AGENT_LABEL}.plist`)];
  const roaming = appData ?? win32.join(home, 'AppData', 'Roaming');
  return [
    win32.join(roaming, 'PredictionTrader', `${SERVICE_NAME}.task.xml`),
    win32.join(roaming, 'Microsoft', 'Windows', 'Start Menu', 'Programs', 'Startup', 'PredictionTrader.cmd'),
  ];
}

/** systemd quotes arguments with double quotes and escapes `\` and `"`; `%` doubles. */
function systemdQuote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%')}"`;
}

export function systemdUnit(input: AutostartInput): string {
  const agent = posix.join(input.packageDir, 'dist', 'agent', 'agent.mjs');
  return [
    '[Unit]',
    'Description=PredictionTrader agent (loopback trading agent)',
    'After=graphical-session.target',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${[input.nodePath, agent, '--data-dir', input.dataDir].map(systemdQuote).join(' ')}`,
    `WorkingDirectory=${input.packageDir}`,
    'Restart=on-failure',
    'RestartSec=5',
    // The agent's own orderly stop takes 5 s plus the shutdown cancel's deadline.
    'TimeoutStopSec=30',
    'KillMode=mixed',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function launchAgentPlist(input: AutostartInput): string {
  const agent = posix.join(input.packageDir, 'dist', 'agent', 'agent.mjs');
  const args = [input.nodePath, agent, '--data-dir', input.dataDir]
    .map((arg) => `    <string>${xmlEscape(arg)}</string>`)
    .join('\n');
  const log = posix.join(input.dataDir, 'logs', 'launchd.log');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>${LAUNCH_AGENT_LABEL}</string>
  <key>ProgramArguments</key>
  <array>
${args}
  </array>
  <key>WorkingDirectory</key>
  <string>${xmlEscape(input.packageDir)}</string>
  <key>RunAtLoad</key>
  <true/>
  <key>KeepAlive</key>
  <dict>
    <key>SuccessfulExit</key>
    <false/>
  </dict>
  <key>ProcessType</key>
  <string>Interactive</string>
  <key>StandardErrorPath</key>
  <string>${xmlEscape(log)}</string>
</dict>
</plist>
`;
}

export function windowsTaskXml(input: AutostartInput): string {
  const agent = win32.join(input.packageDir, 'dist', 'agent', 'agent.mjs');
  const user = input.userId === undefined ? '' : `\n      <UserId>${xmlEscape(input.userId)}</UserId>`;
  return `<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>PredictionTrader agent (loopback trading agent)</Description>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>${user}
    </LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>3</Count>
    </RestartOnFailure>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>${xmlEscape(input.nodePath)}</Command>
      <Arguments>"${xmlEscape(agent)}" --data-dir "${xmlEscape(input.dataDir)}"</Arguments>
      <WorkingDirectory>${xmlEscape(input.packageDir)}</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
`;
}

/** The Startup-folder entry (used when Task Scheduler registration is not possible). */
export function windowsStartupCmd(input: AutostartInput): string {
  const agent = win32.join(input.packageDir, 'dist', 'agent', 'agent.mjs');
  return `@echo off\r\nrem PredictionTrader agent at logon (installer/README.md)\r\nstart "" /min "${input.nodePath}" "${agent}" --data-dir "${input.dataDir}"\r\n`;
}

export function autostartFiles(platform: InstallPlatform, input: AutostartInput): string[] {
  if (platform === 'linux') return [systemdUnit(input)];
  if (platform === 'darwin') return [launchAgentPlist(input)];
  return [windowsTaskXml(input), windowsStartupCmd(input)];
}
