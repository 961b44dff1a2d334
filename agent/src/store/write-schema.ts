/**
 * `npm run db:schema`: regenerates the committed schema.sql from the migrations. Run it whenever a
 * migration is added; schema.test.ts fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dumpSchema, SCHEMA_FILE } from './schema-dump.js';
import { DEFAULT_MIGRATIONS_DIR } from './store.js';

writeFileSync(SCHEMA_FILE, dumpSchema(DEFAULT_MIGRATIONS_DIR));
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
