/**
 * A pop-out window: one panel alone, under the same environment banner (SIM / DEMO / LIVE, the
 * trading state, Flatten All) and Flatten All report as the command center. It shares the one
 * agent connection like any tab. A `ticker` in the URL opens that market for the panel.
 */
import { useEffect } from 'react';
import type { ComponentType } from 'react';
import { EnvironmentBanner } from '../banner/EnvironmentBanner.js';
import { FlattenReportPanel } from '../flatten/FlattenAll.js';
import { useMarketsStore } from '../markets/markets.store.js';
import './popout.css';

export interface PopOutPanel {
  readonly title: string;
  readonly Component: ComponentType;
}

export function PopOutPage({
  panelId,
  panel,
  ticker,
}: {
  readonly panelId: string;
  readonly panel: PopOutPanel | null;
  readonly ticker: string | null;
}) {
  useEffect(() => {
    if (ticker !== null) useMarketsStore.getState().open(ticker);
  }, [ticker]);
  useEffect(() => {
    const title = panel === null ? 'Unknown panel' : `${panel.title}${ticker === null ? '' : ` ${ticker}`}`;
    document.title = `${title} · PredictionTrader`;
  }, [panel, ticker]);
  return (
    <>
      <EnvironmentBanner />
      <main>
        <FlattenReportPanel />
        <div className="popout" data-testid="popout" data-panel={panelId}>
          {panel === null ? (
            <p role="alert">
              There is no panel “{panelId}”. <a href="/">Open the command center</a>.
            </p>
          ) : (
            <panel.Component />
          )}
        </div>
      </main>
    </>
  );
}
