/** The button on a panel's header that opens the panel in its own window (hidden in that window). */
import { usePath } from '../../app/router.js';
import { isPopOutPath, openPopOut } from './popout-route.js';
import './popout.css';

export function PopOutButton({
  panel,
  label,
  ticker = null,
}: {
  readonly panel: string;
  /** Names the panel for the button's label: "Pop out <label>". */
  readonly label: string;
  readonly ticker?: string | null;
}) {
  const path = usePath();
  if (isPopOutPath(path)) return null;
  return (
    <button
      type="button"
      className="popout-button"
      aria-label={`Pop out ${label}`}
      title={`Open ${label} in its own window`}
      onClick={() => openPopOut(panel, ticker)}
    >
      Pop out
    </button>
  );
}
