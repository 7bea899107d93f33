/**
 * The eligibility engine in process: one case against 200 published programmes (target p95 ≤ 20 ms).
 *
 * Generates the synthetic catalogue (bench/lib/synthetic-programmes.ts, every definition parsed and
 * checked), builds ~50 varied cases (households of 1–8 persons, nationalities, procedural stages,
 * vulnerabilities, some unknown facts) and turns them into facts with the app's `deriveFacts`, warms
 * up, then times `evaluateAll(programmes, facts, { onDate, lang })` one call at a time with
 * performance.now(), rotating through the cases and the languages en / fr / ar; then the same with
 * `deriveFacts` included; then the way the public finder and the comparison call the engine (only the
 * programmes covering the case's country answered, their prerequisites evaluated on demand, no package).
 *
 * Writes bench/results/eligibility-<date>.md.
 *
 *   npm run bench:eligibility -- [--programmes 200] [--cases 50] [--evaluations 3000] [--warmup 500] [--seed 1]
 *     [--label L: written to eligibility-<date>-L.md]
 *   node --max-semi-space-size=64 --import tsx bench/eligibility.ts   (Node flags are quoted in the report)
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ADMINISTRATIVE_STATUSES, VULNERABILITY_CATEGORIES } from '../src/domain/case-facts.ts';
import { evaluateAll } from '../src/domain/programmes/engine.ts';
import { type CaseForFacts, deriveFacts } from '../src/domain/programmes/facts.ts';
import { rng } from '../src/db/seed/synthetic-cases.ts';
import { machine, percentile, RESULTS_DIR, sortedCopy, today } from './lib/common.ts';
import { otherLoad, otherLoadLines, snapshotProcesses, sourceVersion } from './lib/machine-load.ts';
import {
  countryWeight,
  describeCatalogue,
  generateProgrammes,
  HOST_COUNTRIES,
  RETURN_COUNTRIES,
  toEngineProgrammes,
} from './lib/synthetic-programmes.ts';

const { values: args } = parseArgs({
  options: {
    programmes: { type: 'string', default: '200' },
    cases: { type: 'string', default: '50' },
    evaluations: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    label: { type: 'string' },
  },
});
const nProgrammes = Number(args.programmes);
const nCases = Number(args.cases);
const nEvaluations = Number(args.evaluations);
const nWarmup = Number(args.warmup);
const seed = Number(args.seed);
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const onDate = today();
const LANGS = ['en', 'fr', 'ar'] as const;

// ---------------------------------------------------------------------------------------------------
// The catalogue and the cases

const generated = performance.now();
const synthetic = generateProgrammes(nProgrammes, { onDate, seed, funders: 4 });
const generateMs = performance.now() - generated;
const programmes = toEngineProgrammes(synthetic, []);
const shape = describeCatalogue(synthetic);
log(`${programmes.length} programmes generated and checked in ${generateMs.toFixed(0)} ms`);

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface BenchCase {
  input: CaseForFacts;
  vulnerabilities: Array<{ personId: string; category: string }> | null;
  previousAssistance: string[];
}

/** Varied cases, deterministic for a seed: sizes 1–8, common and rare corridors, unknown facts. */
function buildCases(n: number, s: number): BenchCase[] {
  const r = rng(s + 1000);
  const int = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const total = RETURN_COUNTRIES.reduce((sum, _, i) => sum + countryWeight(i), 0);
  const country = () => {
    let at = r() * total;
    for (const [i, c] of RETURN_COUNTRIES.entries()) {
      at -= countryWeight(i);
      if (at < 0) return c;
    }
    return RETURN_COUNTRIES[0];
  };
  const dob = (age: number) => addDays(onDate, -Math.round((age + r()) * 365.25));
  return Array.from({ length: n }, (_, k) => {
    const size = k < 8 ? k + 1 : int(1, 8); // every size from 1 to 8 at least once
    const returnCountry = country();
    const nationality = r() < 0.85 ? returnCountry : country();
    const persons: CaseForFacts['persons'] = [];
    const principalAge = int(18, 68);
    persons.push({
      id: `p${k}-0`,
      relationship: 'principal',
      dateOfBirth: r() < 0.95 ? dob(principalAge) : null,
      nationalities: r() < 0.1 ? [nationality, country()] : [nationality],
      unaccompaniedMinor: false,
    });
    for (let i = 1; i < size; i++) {
      const relationship =
        i === 1 && r() < 0.7 ? 'spouse' : r() < 0.8 ? 'child' : pick(['parent', 'sibling']);
      const age =
        relationship === 'child' ? int(0, 17) : relationship === 'parent' ? int(55, 85) : int(18, 60);
      persons.push({
        id: `p${k}-${i}`,
        relationship,
        dateOfBirth: r() < 0.93 ? dob(age) : null,
        nationalities: [nationality],
        unaccompaniedMinor: false,
      });
    }
    const status = r() < 0.9 ? pick(ADMINISTRATIVE_STATUSES) : null;
    const decided = status === 'asylum_rejected' || (status !== null && r() < 0.3);
    const deadline = decided ? addDays(onDate, int(-40, 60)) : null;
    const vulnerabilities =
      r() < 0.1
        ? null
        : r() < 0.6
          ? []
          : Array.from({ length: int(1, 3) }, () => ({
              personId: pick(persons).id,
              category: pick(VULNERABILITY_CATEGORIES),
            }));
    return {
      input: {
        returnCountry,
        hostCountry: r() < 0.9 ? pick(HOST_COUNTRIES).code : null,
        returnType: r() < 0.8 ? 'assisted_voluntary' : r() < 0.5 ? 'assisted_forced' : null,
        administrativeStatus: status,
        returnDecisionDate: decided ? addDays(onDate, -int(10, 200)) : null,
        departureDeadline: deadline,
        plannedDepartureDate: r() < 0.7 ? addDays(onDate, int(3, 90)) : null,
        inDetention: r() < 0.05,
        entryBan: r() < 0.1,
        persons,
      },
      vulnerabilities,
      previousAssistance: r() < 0.15 ? [pick(programmes).code] : [],
    };
  });
}

const cases = buildCases(nCases, seed);
const facts = cases.map((c) => deriveFacts(c.input, onDate, c.vulnerabilities, c.previousAssistance));

// ---------------------------------------------------------------------------------------------------
// The measurements

interface Run {
  name: string;
  /** Wall-clock time of each call, ms. */
  times: number[];
  /** CPU time of this process during each call (user + system), ms: what the call costs without waiting. */
  cpu: number[];
  gcCount: number;
  gcMs: number;
  seconds: number;
}

async function measure(name: string, n: number, once: (i: number) => void): Promise<Run> {
  const gc: number[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc.push(e.duration);
  });
  obs.observe({ entryTypes: ['gc'] });
  const times: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    once(i);
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    times.push(t1 - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const seconds = (performance.now() - started) / 1000;
  // GC entries are delivered asynchronously: let them arrive before disconnecting.
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  return { name, times, cpu, gcCount: gc.length, gcMs: gc.reduce((s, x) => s + x, 0), seconds };
}

let sink = 0; // keeps the answers alive so that nothing is optimised away
const stats = { eligible: 0, toCheck: 0, covering: 0, evaluations: 0 };
const full = (i: number) => {
  const f = facts[i % facts.length]!;
  const a = evaluateAll(programmes, f, { onDate, lang: LANGS[Math.floor(i / facts.length) % LANGS.length] });
  sink += a.programmes.length + a.package.lines.length;
  return a;
};

log(`Warming up (${nWarmup} evaluations)…`);
for (let i = 0; i < nWarmup; i++) full(i);
for (const [i, f] of facts.entries()) {
  const a = full(i);
  stats.eligible += a.programmes.filter((p) => p.status === 'eligible').length;
  stats.toCheck += a.programmes.filter((p) => p.status === 'to_check').length;
  stats.covering += programmes.filter((p) => p.definition.countriesOfReturn.includes(f.returnCountry)).length;
  stats.evaluations += 1;
}

const load = snapshotProcesses();
const cpuBefore = process.cpuUsage();
log(`evaluateAll × ${nEvaluations}…`);
const runs: Run[] = [await measure(`evaluateAll, ${programmes.length} programmes`, nEvaluations, full)];
log(`deriveFacts + evaluateAll × ${nEvaluations}…`);
runs.push(
  await measure(`deriveFacts + evaluateAll, ${programmes.length} programmes`, nEvaluations, (i) => {
    const c = cases[i % cases.length]!;
    const f = deriveFacts(c.input, onDate, c.vulnerabilities, c.previousAssistance);
    const a = evaluateAll(programmes, f, {
      onDate,
      lang: LANGS[Math.floor(i / cases.length) % LANGS.length],
    });
    sink += a.programmes.length;
  }),
);
log(`evaluateAll as the finder calls it × ${nEvaluations}…`);
const finderWay = (i: number) => {
  const f = facts[i % facts.length]!;
  const a = evaluateAll(programmes, f, {
    onDate,
    lang: LANGS[Math.floor(i / facts.length) % LANGS.length],
    focus: (p) => p.definition.countriesOfReturn.includes(f.returnCountry),
    withPackage: false,
  });
  sink += a.programmes.length;
};
for (let i = 0; i < nWarmup; i++) finderWay(i);
runs.push(
  await measure(
    `evaluateAll as the finder calls it (focus on the covering programmes, no package)`,
    nEvaluations,
    finderWay,
  ),
);
const cpu = process.cpuUsage(cpuBefore);
const other = otherLoad(load, [process.pid]);
if (sink === 0) throw new Error('nothing evaluated');

// ---------------------------------------------------------------------------------------------------
// The report

const ms = (x: number) => x.toFixed(2);
const date = today();
const main = runs[0]!;
const p95 = percentile(sortedCopy(main.times), 95);
const cpuP95 = percentile(sortedCopy(main.cpu), 95);
const sizes = facts.map((f) => f.household.length);
const cmd =
  `node ${process.execArgv.join(' ')} bench/eligibility.ts ${process.argv.slice(2).join(' ')}`.trim();

const report = [
  `# Eligibility engine in process, one case against ${programmes.length} programmes — ${date}`,
  '',
  `Machine: ${machine()}, Node ${process.version}; sources at ${sourceVersion()}.`,
  `Method: \`${cmd}\` — generates ${programmes.length} synthetic published programmes (seed ${seed}, all in force on ${onDate}; generated, parsed and checked in ${generateMs.toFixed(0)} ms), builds ${cases.length} cases with \`deriveFacts\`, warms up with ${nWarmup} evaluations, then times each call of \`evaluateAll(programmes, facts, { onDate, lang })\` with performance.now(), ${nEvaluations} calls in turn over the cases and the languages en / fr / ar (single thread, one call at a time). The first row is the case's live eligibility answer (every published programme, with the combined package); the second adds \`deriveFacts\`; the third calls the engine the way the public finder and the comparison do (\`focus\` on the programmes covering the country of return — their prerequisites elsewhere are evaluated on demand — and \`withPackage: false\`).`,
  '',
  'Wall-clock time of each call (what a caller waits, including any time the process was not on a CPU):',
  '',
  '| measure | calls | p50 ms | p95 ms | p99 ms | max ms | mean ms | evaluations/s | GC (count, total ms) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...runs.map((r) => {
    const s = sortedCopy(r.times);
    const mean = r.times.reduce((a, b) => a + b, 0) / r.times.length;
    return `| ${r.name} | ${r.times.length} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} | ${ms(percentile(s, 99))} | ${ms(s.at(-1)!)} | ${ms(mean)} | ${(r.times.length / r.seconds).toFixed(0)} | ${r.gcCount}, ${r.gcMs.toFixed(0)} |`;
  }),
  '',
  'CPU time of this process during each call (`process.cpuUsage`, user + system, all threads: what the call',
  'costs, whatever else the machine was doing; a share above 100 % is the garbage collector’s helper threads',
  'working beside the main one):',
  '',
  '| measure | p50 ms | p95 ms | p99 ms | mean ms | share of wall time on a CPU |',
  '|---|---|---|---|---|---|',
  ...runs.map((r) => {
    const s = sortedCopy(r.cpu);
    const sum = r.cpu.reduce((a, b) => a + b, 0);
    const wall = r.times.reduce((a, b) => a + b, 0);
    return `| ${r.name} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} | ${ms(percentile(s, 99))} | ${ms(sum / s.length)} | ${((sum / wall) * 100).toFixed(0)} % |`;
  }),
  '',
  `Target: p95 ≤ 20 ms for one case against ${programmes.length} published programmes, in process: wall-clock ${ms(p95)} ms — ${p95 <= 20 ? 'met' : '**not met**'} (CPU time p95 ${ms(cpuP95)} ms — ${cpuP95 <= 20 ? 'within' : 'over'} the target).`,
  '',
  `CPU of this process during the three runs: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s.`,
  ...otherLoadLines(other, os.cpus().length),
  '',
  '## The catalogue',
  '',
  `${shape.programmes} programmes (bench/lib/synthetic-programmes.ts), ${shape.jsonKiB} KiB as JSON: countries of return per programme ${shape.countriesPerProgramme.min}–${shape.countriesPerProgramme.max} (mean ${shape.countriesPerProgramme.mean}); programme rule ${shape.ruleNodes.min}–${shape.ruleNodes.max} nodes (mean ${shape.ruleNodes.mean}; ${shape.allRuleNodesMean} with the components' rules and amount variants); components ${shape.componentsPerProgramme.min}–${shape.componentsPerProgramme.max} (mean ${shape.componentsPerProgramme.mean}); ${shape.withVariants} with amount variants, ${shape.withInstalments} with instalments, ${shape.withHostCountries} limited to host countries, ${shape.withLeadTime} with a lead time; interactions: ${shape.interactions.requires} requires, ${shape.interactions.not_combinable} not combinable, ${shape.interactions.offset} offsets; names in ${Object.entries(
    shape.languages,
  )
    .map(([l, n]) => `${l} ${n}`)
    .join(', ')}.`,
  `Most covered countries: ${shape.coverage
    .slice(0, 8)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}; least: ${shape.coverage
    .slice(-4)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}.`,
  '',
  '## The cases',
  '',
  `${cases.length} cases, households of ${Math.min(...sizes)}–${Math.max(...sizes)} persons (mean ${(sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(1)}), ${new Set(cases.map((c) => c.input.returnCountry)).size} countries of return, ${cases.filter((c) => c.vulnerabilities === null).length} with vulnerabilities hidden (unknown), ${cases.filter((c) => (c.vulnerabilities ?? []).length > 0).length} with a recorded vulnerability, ${facts.filter((f) => f.proceduralStage === null).length} with an unknown procedural stage, ${cases.filter((c) => c.previousAssistance.length > 0).length} with a previous programme.`,
  `Per evaluation, on average: ${(stats.covering / stats.evaluations).toFixed(1)} programmes cover the case's country (what the third row answers); ${(stats.eligible / stats.evaluations).toFixed(1)} come out eligible and ${(stats.toCheck / stats.evaluations).toFixed(1)} to check.`,
  '',
].join('\n');

const out = path.join(RESULTS_DIR, `eligibility-${date}${args.label ? `-${args.label}` : ''}.md`);
writeFileSync(out, report);
process.stdout.write(`\n${report}\nWritten to ${out}\n`);
