// postinstall: systray2 ships its tray helper binaries without the exec bit; give them 0755 so the
// agent's tray can start them. Plain JS (runs before anything is built); silent when absent.
import { chmodSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let traybin;
try {
  traybin = join(dirname(require.resolve('systray2/package.json')), 'traybin');
} catch {
  process.exit(0);
}
for (const name of ['tray_linux_release', 'tray_darwin_release']) {
  const file = join(traybin, name);
  if (existsSync(file)) chmodSync(file, 0o755);
}
