#!/usr/bin/env node
/**
 * `npm run prices:update`: regenerates lib/budget/catalog.generated.ts from the pinned catalog
 * (data/catalog/genai-prices.json) and byok's additions (data/catalog/additions.json). Offline:
 * it reads only those two files. `--stdout` prints the file instead of writing it; `--check` exits 1
 * when the checked-in file is not what the pinned inputs give.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ADDITIONS_PATH, CATALOG_PATH, GENERATED_PATH } from './config.mjs';
import { generate } from './generate.mjs';

const text = generate(JSON.parse(readFileSync(CATALOG_PATH, 'utf8')), JSON.parse(readFileSync(ADDITIONS_PATH, 'utf8')));
const mode = process.argv[2];
if (mode === '--stdout') {
  process.stdout.write(text);
} else if (mode === '--check') {
  if (readFileSync(GENERATED_PATH, 'utf8') !== text) {
    console.error('lib/budget/catalog.generated.ts is stale: run npm run prices:update');
    process.exit(1);
  }
} else {
  writeFileSync(GENERATED_PATH, text);
  console.log(`wrote ${GENERATED_PATH}`);
}
