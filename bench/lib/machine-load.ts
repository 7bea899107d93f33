/**
 * Which code was measured (sourceVersion), and what else used the CPU while a benchmark ran: every process's CPU time from /proc, read before and
 * after, so a report can say which other workloads shared the machine (tests of other engineers, a
 * build …) and how much of a core each took.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { cpuSecondsOf, machineBusySeconds, ROOT } from './common.ts';

export interface ProcessSnapshot {
  at: number;
  machine: number;
  cpu: Map<number, number>;
}

export function snapshotProcesses(): ProcessSnapshot {
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (/^\d+$/.test(name)) cpu.set(Number(name), cpuSecondsOf(Number(name)));
  }
  return { at: performance.now(), machine: machineBusySeconds(), cpu };
}

function describeProcess(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    if (cmd.length === 0) return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    // The program and its first arguments, without paths that say nothing.
    return cmd
      .slice(0, 4)
      .map((a) => (a.length > 60 ? `${a.slice(0, 57)}…` : a))
      .join(' ');
  } catch {
    return `pid ${pid} (ended)`;
  }
}

export interface OtherLoad {
  /** Busy CPU of the whole machine, in % of one core. */
  machine: number;
  /** CPU of the processes not in `own`, in % of one core. */
  others: number;
  /** The busiest other processes (≥ 2 % of a core). */
  top: Array<{ pid: number; pct: number; what: string }>;
  loadAverage: number[];
}

/**
 * CPU used since `before` by processes other than `own` (the benchmark, its server, its database)
 * and their children. Processes that ended in between are not counted one by one, only in `machine`.
 */
export function otherLoad(before: ProcessSnapshot, own: readonly number[]): OtherLoad {
  const after = snapshotProcesses();
  const wall = (after.at - before.at) / 1000;
  const ownSet = new Set(own);
  const parents = new Map<number, number>();
  for (const pid of after.cpu.keys()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const isOwn = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 20; hops++) {
      if (ownSet.has(p)) return true;
      p = parents.get(p);
    }
    return false;
  };
  const rows: Array<{ pid: number; pct: number; what: string }> = [];
  let others = 0;
  for (const [pid, cpu] of after.cpu) {
    if (isOwn(pid)) continue;
    const used = cpu - (before.cpu.get(pid) ?? 0);
    if (used <= 0) continue;
    const pct = (used / wall) * 100;
    others += pct;
    if (pct >= 2) rows.push({ pid, pct, what: describeProcess(pid) });
  }
  rows.sort((a, b) => b.pct - a.pct);
  return {
    machine: ((after.machine - before.machine) / wall) * 100,
    others,
    top: rows.slice(0, 8),
    loadAverage: os.loadavg(),
  };
}

/** Markdown lines describing the other load. */
export function otherLoadLines(l: OtherLoad, cores: number): string[] {
  return [
    `Machine busy ${l.machine.toFixed(0)} % of one core (of ${cores * 100} %), of which other processes ${l.others.toFixed(0)} %; load average ${l.loadAverage.map((x) => x.toFixed(2)).join(' / ')} (1 / 5 / 15 min) at the end.`,
    ...(l.top.length
      ? [
          'Other processes using ≥ 2 % of a core:',
          '',
          ...l.top.map((t) => `- ${t.pct.toFixed(0)} % — \`${t.what.replace(/`/g, "'")}\``),
        ]
      : ['No other process used ≥ 2 % of a core.']),
  ];
}

/** The commit the sources are at, and which files of src/ differ from it (the code measured). */
export function sourceVersion(): string {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: ROOT }).toString();
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    // Not trimmed: each porcelain line starts with a two-letter status that may begin with a space.
    const dirty = git('status', '--porcelain', '--', 'src')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    if (dirty.length === 0) return `commit ${commit}, src/ as committed`;
    const server = dirty.filter((f) => !f.startsWith('src/web/'));
    return `commit ${commit} with uncommitted changes in ${dirty.length} files of src/${server.length ? ` (outside src/web: ${server.join(', ')})` : ' (all in src/web)'}`;
  } catch {
    return 'commit unknown (no git)';
  }
}
