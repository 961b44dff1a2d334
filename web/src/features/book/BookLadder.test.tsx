// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BookSnapshotEvent, formatPriceDollars } from '@pt/protocol';
import snapshotFixture from '../../../../protocol/src/fixtures/event-book-snapshot.json';
import { BookLadder } from './BookLadder.js';

const book = BookSnapshotEvent.parse(snapshotFixture.message).book;
afterEach(cleanup);

describe('BookLadder', () => {
  it('shows the best YES bids against the YES asks, best first', () => {
    render(<BookLadder book={book} />);
    const rows = screen.getAllByRole('row').slice(1);
    const first = rows[0]?.textContent ?? '';
    const bestBid = book.yesBids[0];
    const bestAsk = book.yesAsks[0];
    if (bestBid === undefined || bestAsk === undefined) throw new Error('fixture book has both sides');
    expect(first).toContain(`$${formatPriceDollars(bestBid.priceE4)}`);
    expect(first).toContain(`$${formatPriceDollars(bestAsk.priceE4)}`);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('warns when the book is not quotable', () => {
    render(<BookLadder book={{ ...book, isQuotable: false }} />);
    expect(screen.getByRole('status').textContent).toContain('not quotable');
  });
});
