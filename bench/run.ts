// `pnpm bench`: runs every `*.bench.ts` in this folder and prints a table; `--json` prints a
// JSON summary on stdout (the table then goes to stderr); `--quick` is a short, rougher run.
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isBenchmark } from './benchmark.ts';
import { measure } from './measure.ts';
import { type BenchmarkReport, benchmarkReport, formatTable } from './report.ts';

const USAGE = 'usage: pnpm bench [--quick] [--json] [--only <name>]';

function parseFlags() {
  try {
    return parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

const values = parseFlags();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

// The default run stays under a minute on a 2-core machine (the formatter cases dominate).
const settings = values.quick
  ? { rounds: 5, minSampleMs: 100, warmupMs: 300 }
  : { rounds: 15, minSampleMs: 300, warmupMs: 1000 };
const table = values.json ? process.stderr : process.stdout;

const files = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
const reports: BenchmarkReport[] = [];
for (const file of files) {
  const module: { benchmark?: unknown } = await import(
    pathToFileURL(`${import.meta.dirname}/${file}`).href
  );
  const { benchmark } = module;
  if (!isBenchmark(benchmark)) throw new Error(`bench/${file} does not export a benchmark`);
  if (values.only !== undefined && benchmark.name !== values.only) continue;

  process.stderr.write(`${benchmark.name}: preparing…\n`);
  const suite = await benchmark.prepare();
  const results = await measure(suite, {
    ...settings,
    onRound: (round) =>
      process.stderr.write(`\r${benchmark.name}: round ${round}/${settings.rounds}`),
  });
  process.stderr.write('\n');
  const report = benchmarkReport(benchmark.name, suite.notes, suite.corpus, settings, results);
  reports.push(report);
  table.write(`\n${formatTable(report)}\n`);
}

if (reports.length === 0) {
  process.stderr.write(`no benchmark named ${values.only ?? '(any)'} in bench/\n`);
  process.exit(2);
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};
const date = new Date().toISOString();
table.write(
  `\n${date}: ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, ${machine.platform}\n`,
);
if (values.json) {
  const summary = { date, quick: values.quick, machine, reports };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
