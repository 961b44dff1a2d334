/**
 * The backtest account over time, in integers: cash (from the venue, fees taken), each market's
 * signed position marked at the replayed mid (YES at the mid, NO at 1 − mid), equity, exposure,
 * the running peak and the largest fall from it, and round trips (flat → position → flat) with
 * their cash result after fees. Equity points are kept only where something changed.
 */
export interface RoundTripResult {
  readonly market: number;
  readonly pnlE6: number;
  readonly closedAtMs: number;
}

const ONE_DOLLAR_E4 = 10_000;

/** |position| × mark on its own leg: YES held at the mid, NO held at 1 − mid. */
export function markValueE6(positionE2: number, midE4: number): number {
  if (positionE2 === 0) return 0;
  return positionE2 > 0 ? positionE2 * midE4 : -positionE2 * (ONE_DOLLAR_E4 - midE4);
}

export class BacktestAccount {
  readonly positionE2: number[];
  private readonly midE4: number[];
  private readonly valueE6: number[];
  private readonly tripCashE6: number[];
  private heldValueE6 = 0;
  private netPositionE2 = 0;
  cashE6: number;
  peakE6: number;
  maxDrawdownE6 = 0;
  maxExposureE6 = 0;
  readonly roundTrips: RoundTripResult[] = [];
  /** Equity series (parallel arrays, no object per point). */
  readonly pointAtMs: number[] = [];
  readonly pointEquityE6: number[] = [];
  readonly pointExposureE6: number[] = [];
  readonly pointPositionE2: number[] = [];

  constructor(marketCount: number, startingCashE6: number) {
    this.positionE2 = new Array<number>(marketCount).fill(0);
    this.midE4 = new Array<number>(marketCount).fill(0);
    this.valueE6 = new Array<number>(marketCount).fill(0);
    this.tripCashE6 = new Array<number>(marketCount).fill(0);
    this.cashE6 = startingCashE6;
    this.peakE6 = startingCashE6;
  }

  get equityE6(): number {
    return this.cashE6 + this.heldValueE6;
  }

  get exposureE6(): number {
    return this.heldValueE6;
  }

  /** A new replayed mid for a market; returns true when the account's value moved. */
  mark(market: number, midE4: number): boolean {
    this.midE4[market] = midE4;
    const position = this.positionE2[market] ?? 0;
    if (position === 0) return false;
    return this.revalue(market, position, midE4);
  }

  /**
   * One order's fills: the position after them, and the cash it moved (price, fees, rounding).
   * Returns the round trip it closed, if the market went flat.
   */
  applyOrder(
    market: number,
    postPositionE2: number,
    cashDeltaE6: number,
    atMs: number,
  ): RoundTripResult | null {
    const before = this.positionE2[market] ?? 0;
    this.cashE6 += cashDeltaE6;
    this.tripCashE6[market] = (this.tripCashE6[market] ?? 0) + cashDeltaE6;
    this.positionE2[market] = postPositionE2;
    this.netPositionE2 += postPositionE2 - before;
    this.revalue(market, postPositionE2, this.midE4[market] ?? 0);
    if (postPositionE2 !== 0 || before === 0) return null;
    const trip = { market, pnlE6: this.tripCashE6[market] ?? 0, closedAtMs: atMs };
    this.tripCashE6[market] = 0;
    this.roundTrips.push(trip);
    return trip;
  }

  private revalue(market: number, position: number, midE4: number): boolean {
    const value = markValueE6(position, midE4);
    const delta = value - (this.valueE6[market] ?? 0);
    if (delta === 0) return false;
    this.valueE6[market] = value;
    this.heldValueE6 += delta;
    return true;
  }

  /** Records a point (after a change) and updates the peak, drawdown and exposure maxima. */
  record(atMs: number): void {
    const equity = this.equityE6;
    const exposure = this.heldValueE6;
    const last = this.pointAtMs.length - 1;
    if (
      last >= 0 &&
      this.pointEquityE6[last] === equity &&
      this.pointExposureE6[last] === exposure &&
      this.pointPositionE2[last] === this.netPositionE2
    ) {
      return;
    }
    this.pointAtMs.push(atMs);
    this.pointEquityE6.push(equity);
    this.pointExposureE6.push(exposure);
    this.pointPositionE2.push(this.netPositionE2);
    if (equity > this.peakE6) this.peakE6 = equity;
    if (this.peakE6 - equity > this.maxDrawdownE6) this.maxDrawdownE6 = this.peakE6 - equity;
    if (exposure > this.maxExposureE6) this.maxExposureE6 = exposure;
  }

  /** Forces a point (first and last of the run) even when nothing changed. */
  recordAlways(atMs: number): void {
    this.pointAtMs.push(atMs);
    this.pointEquityE6.push(this.equityE6);
    this.pointExposureE6.push(this.heldValueE6);
    this.pointPositionE2.push(this.netPositionE2);
  }
}
