/** Order books fed by the WS client: public surface for ws/, the connector and health. */
export type { BookSide, SnapshotLevel, Quote } from './order-book.js';
export { OrderBook } from './order-book.js';
export { BookRegistry } from './book-registry.js';
export type { UnquotableReason } from './quotability.js';
export { UNQUOTABLE_REASONS } from './quotability.js';
