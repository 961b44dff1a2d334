/**
 * The top level: pairing until this browser holds a token, then the command center, or one panel
 * alone in a pop-out window (`/panel/<id>`). Wiring only.
 */
import { EnvironmentBanner } from '../features/banner/EnvironmentBanner.js';
import { FlattenReportPanel } from '../features/flatten/FlattenAll.js';
import { PairingPage } from '../features/pairing/PairingPage.js';
import { PopOutPage } from '../features/popout/PopOutPage.js';
import { parsePopOutRoute } from '../features/popout/popout-route.js';
import { UpdatePrompt } from '../features/pwa/UpdatePrompt.js';
import { useSessionStore } from '../features/session/session.store.js';
import { pairBrowser } from './boot.js';
import { PANELS } from './panels.js';
import { navigate, usePath } from './router.js';

function codeFromFragment(): string {
  return decodeURIComponent(location.hash.replace(/^#/, ''));
}

export function App() {
  const phase = useSessionStore((s) => s.phase);
  const notice = useSessionStore((s) => s.notice);
  const path = usePath();

  if (phase === 'loading') return <p className="loading">Loading…</p>;
  if (phase === 'unpaired' || path === '/pair') {
    return (
      <PairingPage
        initialCode={codeFromFragment()}
        notice={notice}
        onPair={async (code, deviceName) => {
          const result = await pairBrowser(code, deviceName);
          // The code is spent: drop it (and the fragment) from the address bar and history.
          if (result.ok) navigate('/');
          return result;
        }}
      />
    );
  }
  const popOut = parsePopOutRoute(path, location.search);
  if (popOut !== null) {
    const panel = PANELS.find((entry) => entry.id === popOut.panelId) ?? null;
    return <PopOutPage panelId={popOut.panelId} panel={panel} ticker={popOut.ticker} />;
  }
  return (
    <>
      <EnvironmentBanner />
      <UpdatePrompt />
      <main>
        <FlattenReportPanel />
        <div className="grid">
          {PANELS.filter((entry) => entry.isInGrid !== false).map(({ id, Component }) => (
            <Component key={id} />
          ))}
        </div>
      </main>
    </>
  );
}
