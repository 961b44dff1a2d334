/**
 * The browser's IndexedDB (Dexie), per origin. Version 1 holds small settings rows (the paired
 * token among them). A cache, never the source of truth: the agent's state wins on reconnect.
 */
import { Dexie } from 'dexie';
import type { EntityTable } from 'dexie';

export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

export class AppDb extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = 'predictiontrader') {
    super(name);
    this.version(1).stores({ settings: 'key' });
  }
}
