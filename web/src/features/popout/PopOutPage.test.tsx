// @vitest-environment jsdom
/**
 * The pop-out route through the real App: `/panel/<id>` renders that panel alone under the
 * environment banner (trading state, Flatten All reachable), `?ticker=` opens its market, the
 * command center's grid is not there, and an unknown id says so. The grid's panels carry the
 * labelled button that opens them.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BookSnapshotEvent } from '@pt/protocol';
import snapshotFixture from '../../../../protocol/src/fixtures/event-book-snapshot.json';
import { App } from '../../app/App.js';
import { navigate } from '../../app/router.js';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent } from '../../test/fake-agent.js';
import { useBookStore } from '../book/book.store.js';
import { useMarketsStore } from '../markets/markets.store.js';
import { useSessionStore } from '../session/session.store.js';
import { useTradingStore } from '../trading/trading.store.js';
import { parsePopOutRoute, popOutUrl } from './popout-route.js';

const book = BookSnapshotEvent.parse(snapshotFixture.message).book;

beforeEach(() => {
  setAgentRest(fakeAgent().rest);
  useSessionStore.setState({ phase: 'paired', environment: 'sim' });
  useTradingStore.setState({
    tradingState: { mode: 'halted', reason: 'Flatten All', changedBy: 'user', sinceMs: 1 },
  });
  useBookStore.setState({ books: { [book.ticker]: book } });
  useMarketsStore.setState({ selection: null });
});
afterEach(() => {
  cleanup();
  navigate('/');
  vi.restoreAllMocks();
});

describe('pop-out panels', () => {
  it('/panel/book?ticker=… shows that market’s book alone, under the banner with Flatten All', () => {
    navigate(popOutUrl('book', book.ticker));
    render(<App />);
    const popout = screen.getByTestId('popout');
    expect(popout.getAttribute('data-panel')).toBe('book');
    expect(within(popout).getByTestId('popout-ladder').textContent).toContain(`Book ${book.ticker}`);
    expect(useMarketsStore.getState().selection?.ticker).toBe(book.ticker);
    expect(screen.getByTestId('trading-mode').textContent).toContain('Trading HALTED');
    expect(screen.getByRole('button', { name: 'Flatten All' })).toBeTruthy();
    // Only that panel: no grid, no other panel, and no pop-out button inside the pop-out.
    expect(document.querySelector('.grid')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Activity' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Pop out/ })).toBeNull();
    expect(document.title).toBe(`Order book ${book.ticker} · PredictionTrader`);
  });

  it('/panel/activity shows the activity feed alone; an unknown id says there is no such panel', () => {
    navigate('/panel/activity');
    const { unmount } = render(<App />);
    expect(within(screen.getByTestId('popout')).getByRole('heading', { name: 'Activity' })).toBeTruthy();
    unmount();
    navigate('/panel/nope');
    render(<App />);
    expect(screen.getByRole('alert').textContent).toContain('There is no panel “nope”');
  });

  it('the command center’s panels open in their own window from their header button', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    render(<App />);
    expect(screen.queryByTestId('book-panel')).toBeNull(); // pop-out only
    fireEvent.click(screen.getByRole('button', { name: 'Pop out Activity' }));
    expect(open).toHaveBeenLastCalledWith(
      '/panel/activity',
      'pt-panel-activity',
      expect.stringContaining('popup'),
    );
  });

  it('parses only well-formed panel paths and market tickers', () => {
    expect(parsePopOutRoute('/panel/market', '?ticker=kxhighny-25nov25-b58.5')).toEqual({
      panelId: 'market',
      ticker: 'KXHIGHNY-25NOV25-B58.5',
    });
    expect(parsePopOutRoute('/panel/market', '?ticker=not a ticker!')).toEqual({
      panelId: 'market',
      ticker: null,
    });
    expect(parsePopOutRoute('/panel/', '')).toBeNull();
    expect(parsePopOutRoute('/orders', '')).toBeNull();
  });
});
