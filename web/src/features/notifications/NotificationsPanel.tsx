/**
 * The notifications setting: a button that asks the browser's permission (only when pressed, never
 * on load), what is notified, and plainly when the browser blocks them (nothing will be shown).
 */
import { useNotificationsStore } from './notifications.store.js';
import { PopOutButton } from '../popout/PopOutButton.js';

const WHAT = 'your fills, trading halted / reducing / active again, and Flatten All results';

function Status() {
  const permission = useNotificationsStore((s) => s.permission);
  const isWanted = useNotificationsStore((s) => s.isWanted);
  const enable = useNotificationsStore((s) => s.enable);
  const disable = useNotificationsStore((s) => s.disable);
  if (permission === 'unsupported') return <p>This browser cannot show notifications.</p>;
  if (permission === 'denied') {
    return (
      <p className="error" role="status">
        Notifications are blocked for this site in the browser’s settings: none will be shown. Allow them
        there, then reload.
      </p>
    );
  }
  if (permission === 'granted' && isWanted) {
    return (
      <>
        <p role="status">Notifications on: {WHAT}.</p>
        <button type="button" onClick={disable}>
          Turn notifications off
        </button>
      </>
    );
  }
  return (
    <>
      <p role="status">Notifications off. When on: {WHAT}.</p>
      <button type="button" onClick={() => void enable()}>
        Enable notifications
      </button>
    </>
  );
}

export function NotificationsPanel() {
  return (
    <section aria-labelledby="notifications-h" className="area-notifications" data-testid="notifications">
      <PopOutButton panel="notifications" label="Notifications" />
      <h2 id="notifications-h">Notifications</h2>
      <Status />
    </section>
  );
}
