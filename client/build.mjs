// Builds client/dist: one ESM file and one .d.ts per module of client/src (tests left out), with
// the TypeScript compiler API, so bundlers can drop the parts an app does not import.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const configPath = join(here, 'tsconfig.json');
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, here);
const isShipped = (file) => !/\.test\.ts$|\.test-d\.ts$|[\\/]test-[^\\/]*\.ts$/.test(file);
const files = parsed.fileNames.filter(isShipped);

rmSync(join(here, 'dist'), { recursive: true, force: true });
const program = ts.createProgram(files, { ...parsed.options, noEmit: false, declaration: true, sourceMap: false, rootDir: join(here, 'src'), outDir: join(here, 'dist') });
const result = program.emit();
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
if (diagnostics.length) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => here, getNewLine: () => '\n' };
  console.error(ts.formatDiagnostics(diagnostics, host));
  process.exit(1);
}
console.log(`built ${files.length} modules into client/dist`);
