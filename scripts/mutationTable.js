// `node scripts/mutationTable.js [report.json…] [--survivors]`: one table of per-file mutation scores from several
// Stryker JSON reports (default: reports/mutation/runs/*.json and reports/mutation/mutation.json). Runs made one file
// at a time each write their own report; when two reports hold the same file, the newer report counts, since a
// re-run after new tests replaces the old result. A re-run of some lines only (`--mutate file:10-12`) over the same
// source replaces only the verdicts of the mutants it ran. README → "Mutation testing".
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const showSurvivors = args.includes('--survivors');
const given = args.filter((a) => !a.startsWith('--'));

/** @returns {string[]} the default reports, oldest first */
function defaultReports() {
  const runs = join(root, 'reports/mutation/runs');
  const found = existsSync(runs) ? readdirSync(runs).filter((f) => f.endsWith('.json')).map((f) => join(runs, f)) : [];
  const whole = join(root, 'reports/mutation/mutation.json');
  if (existsSync(whole)) found.push(whole);
  return found.sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
}

const reports = given.length > 0 ? given.map((f) => resolve(f)) : defaultReports();
if (reports.length === 0) {
  console.error('No mutation reports found: run `npm run mutation` (or a per-file run) first.');
  process.exit(1);
}

/** @type {Map<string, Array<{ status: string, mutatorName: string, replacement?: string, static?: boolean, location: { start: { line: number, column: number } } }>>} */
const byFile = new Map();
/** The source each file's verdicts were measured on: a later run over the same source may cover only some lines. */
const sourceOf = new Map();
/** @param {{ mutatorName: string, replacement?: string, location: { start: { line: number, column: number }, end: { line: number, column: number } } }} m */
const mutantKey = (m) => `${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement ?? ''}`;
for (const report of reports) {
  const { files } = JSON.parse(readFileSync(report, 'utf8'));
  for (const [path, { mutants, source }] of Object.entries(files)) {
    const file = path.replace(/^.*?(?=src\/)/, '');
    const earlier = byFile.get(file);
    // Same source: a narrowed re-run (`--mutate file:line-line`, more tests) gives new verdicts for the mutants it
    // ran, and the earlier run's verdicts stand for the rest. Changed source: the newer run replaces the file.
    if (earlier && source !== undefined && sourceOf.get(file) === source) {
      const merged = new Map(earlier.map((m) => [mutantKey(m), m]));
      for (const m of mutants) merged.set(mutantKey(m), m);
      byFile.set(file, [...merged.values()]);
    } else {
      byFile.set(file, mutants);
    }
    sourceOf.set(file, source);
  }
}

const columns = ['Killed', 'Survived', 'Timeout', 'NoCoverage', 'RuntimeError', 'CompileError', 'Ignored'];
/** @param {Array<{ status: string }>} mutants */
function count(mutants) {
  const n = Object.fromEntries(columns.map((c) => [c, 0]));
  for (const m of mutants) n[m.status] = (n[m.status] ?? 0) + 1;
  // Stryker's score: detected (killed, timed out) over every mutant that ran or should have (errors and ignored excluded).
  const valid = n.Killed + n.Timeout + n.Survived + n.NoCoverage;
  return { ...n, score: valid ? (100 * (n.Killed + n.Timeout)) / valid : NaN };
}

/** @param {string} label @param {ReturnType<typeof count>} n */
const row = (label, n) =>
  `| ${label} | ${n.Killed} | ${n.Survived} | ${n.Timeout} | ${n.NoCoverage} | ${n.RuntimeError + n.CompileError} | ${n.Ignored} | ${Number.isNaN(n.score) ? '–' : n.score.toFixed(2) + ' %'} |`;

const files = [...byFile.keys()].sort();
const lines = ['| file | killed | survived | timeout | no coverage | errors | ignored | score |', '|---|--:|--:|--:|--:|--:|--:|--:|'];
for (const file of files) lines.push(row(file, count(byFile.get(file) ?? [])));
// Totals per folder (src/protocol, src/flow…), the level the targets are set at.
const folders = [...new Set(files.map((f) => f.split('/').slice(0, 2).join('/')))];
for (const folder of folders) {
  const all = files.filter((f) => f.startsWith(folder + '/')).flatMap((f) => byFile.get(f) ?? []);
  lines.push(row(`**${folder} total**`, count(all)));
}
console.log(lines.join('\n'));

if (showSurvivors) {
  for (const file of files) {
    for (const m of byFile.get(file) ?? []) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const { line, column } = m.location.start;
      console.log(`${m.status} ${file}:${line}:${column} ${m.mutatorName}${m.static ? ' (static)' : ''} → ${JSON.stringify(m.replacement ?? '')}`);
    }
  }
}
