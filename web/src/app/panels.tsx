/**
 * The command center's panels, in grid order. One entry per panel: the grid renders them all, and a
 * panel can be opened on its own (a pop-out window for a second monitor) by its `id`. Add a panel
 * here, nowhere else.
 */
import type { ComponentType } from 'react';
import { ActivityPanel } from '../features/activity/ActivityPanel.js';
import { BacktestsPanel } from '../features/backtests/BacktestsPanel.js';
import { FillsPanel } from '../features/fills/FillsPanel.js';
import { HealthPanel } from '../features/health/HealthPanel.js';
import { MarketView } from '../features/market-view/MarketView.js';
import { MarketsPanel } from '../features/markets/MarketsPanel.js';
import { SetupPanel } from '../features/onboarding/SetupPanel.js';
import { NotificationsPanel } from '../features/notifications/NotificationsPanel.js';
import { OrderTicket } from '../features/orders/OrderTicket.js';
import { OrdersPanel } from '../features/orders/OrdersPanel.js';
import { BookPanel } from '../features/popout/BookPanel.js';
import { PortfolioPanel } from '../features/portfolio/PortfolioPanel.js';
import { SettlementsPanel } from '../features/settlements/SettlementsPanel.js';
import { RiskLimitsPanel } from '../features/risk/RiskLimitsPanel.js';
import { StrategiesPanel } from '../features/strategies/StrategiesPanel.js';
import { TradingControls } from '../features/trading/TradingControls.js';

export interface PanelEntry {
  /** URL-safe id (`/panel/<id>` opens it alone). */
  readonly id: string;
  readonly title: string;
  readonly Component: ComponentType;
  /** `false`: only opened on its own (the book alone, popped out of the market view). */
  readonly isInGrid?: false;
}

export const PANELS: readonly PanelEntry[] = [
  { id: 'setup', title: 'Setup', Component: SetupPanel },
  { id: 'markets', title: 'Markets', Component: MarketsPanel },
  { id: 'market', title: 'Market', Component: MarketView },
  { id: 'ticket', title: 'Order ticket', Component: OrderTicket },
  { id: 'orders', title: 'Open orders', Component: OrdersPanel },
  { id: 'positions', title: 'Positions and P&L', Component: PortfolioPanel },
  { id: 'fills', title: 'Fills', Component: FillsPanel },
  { id: 'settlements', title: 'Settlements', Component: SettlementsPanel },
  { id: 'activity', title: 'Activity', Component: ActivityPanel },
  { id: 'trading', title: 'Trading controls', Component: TradingControls },
  { id: 'risk', title: 'Risk limits', Component: RiskLimitsPanel },
  { id: 'strategies', title: 'Strategies', Component: StrategiesPanel },
  { id: 'health', title: 'Health', Component: HealthPanel },
  { id: 'backtests', title: 'Backtests', Component: BacktestsPanel },
  { id: 'notifications', title: 'Notifications', Component: NotificationsPanel },
  { id: 'book', title: 'Order book', Component: BookPanel, isInGrid: false },
];
