/**
 * CPU time by process, from Linux's /proc: what a stream costs each process of the browser (and
 * the mock), where the wall-clock comparisons only say how long it took. On two cores a 5,000-chunk
 * stream keeps both busy, so its time follows the CPU all processes spend on it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const msPerTick = existsSync('/proc/self/stat') ? 1000 / clockTicksPerSecond() : 0;

function clockTicksPerSecond() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100; // Linux's USER_HZ everywhere it is not configured otherwise
  }
}

/** The fields of a /proc stat line after the command (which may hold spaces): [state, ppid, ...]. */
const fieldsOf = (statLine) => statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');

/** utime + stime of a /proc stat line, in ms. */
function cpuMs(statLine) {
  const fields = fieldsOf(statLine);
  return (Number(fields[11]) + Number(fields[12])) * msPerTick;
}

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended meanwhile
  }
}

/** What a Chromium process is, from its command line. */
function kindOf(cmdline) {
  if (cmdline.includes('--extension-process')) return 'extension';
  if (cmdline.includes('--type=renderer')) return 'page';
  if (cmdline.includes('network.mojom')) return 'network';
  if (cmdline.includes('--type=')) return 'other';
  return 'browser';
}

/**
 * CPU ms so far of the browser `browserPid` and its descendants, by kind, plus `mock` (its own pid)
 * and `worker`, the extension's service-worker thread alone. Null where /proc is not there.
 */
export function cpuSnapshot({ browserPid, mockPid }) {
  if (!msPerTick) return null;
  const stats = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const stat = read(`/proc/${pid}/stat`);
    if (stat) stats.set(Number(pid), stat);
  }
  const parentOf = (pid) => Number(fieldsOf(stats.get(pid) ?? '')[1] ?? 0);
  const inBrowser = (pid) => {
    for (let at = pid; at > 1; at = parentOf(at)) if (at === browserPid) return true;
    return false;
  };
  const out = { browser: 0, page: 0, extension: 0, worker: 0, network: 0, other: 0, mock: 0 };
  for (const [pid, stat] of stats) {
    if (pid === mockPid) out.mock += cpuMs(stat);
    if (!inBrowser(pid)) continue;
    const kind = kindOf((read(`/proc/${pid}/cmdline`) ?? '').replaceAll('\0', ' '));
    out[kind] += cpuMs(stat);
    if (kind !== 'extension') continue;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const thread = read(`/proc/${pid}/task/${tid}/stat`);
      if (thread?.includes('(ServiceWorker')) out.worker += cpuMs(thread);
    }
  }
  return out;
}

/**
 * CPU ms per run over blocks of `runsPerBlock` runs, each a [before, after] pair of snapshots,
 * rounded to 0.1, with their `total` (the worker thread is inside `extension`).
 */
export function cpuPerRun(blocks, runsPerBlock) {
  if (blocks.some(([before, after]) => !before || !after)) return null;
  const runs = blocks.length * runsPerBlock;
  const kinds = Object.keys(blocks[0][1]);
  const per = Object.fromEntries(kinds.map((kind) => [kind, Math.round((blocks.reduce((sum, [before, after]) => sum + after[kind] - before[kind], 0) / runs) * 10) / 10]));
  per.total = Math.round((per.browser + per.page + per.extension + per.network + per.other + per.mock) * 10) / 10;
  return per;
}
