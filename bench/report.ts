// Results as a table for people and as a JSON summary for tools (and docs/benchmarks.md).
import type { Corpus } from './benchmark.ts';
import type { CaseResult, MeasureOptions, Spread } from './measure.ts';
import { spread } from './measure.ts';

export interface BenchmarkReport {
  name: string;
  notes: readonly string[];
  corpus: { items: number; itemBytes: Spread; totalBytes: number };
  settings: Pick<MeasureOptions, 'rounds' | 'minSampleMs' | 'warmupMs'>;
  results: CaseResult[];
}

export function benchmarkReport(
  name: string,
  notes: readonly string[],
  corpus: Corpus,
  settings: BenchmarkReport['settings'],
  results: CaseResult[],
): BenchmarkReport {
  return {
    name,
    notes,
    corpus: {
      items: corpus.items,
      itemBytes: spread(corpus.itemBytes),
      totalBytes: corpus.itemBytes.reduce((a, b) => a + b, 0),
    },
    settings,
    results,
  };
}

export function formatTable(report: BenchmarkReport): string {
  const { corpus, settings } = report;
  const header = ['case', 'items/s (median)', 'min–max', 'MB/s', '÷ baseline (min–max)', 'time ×'];
  const rows = report.results.map((r) => [
    r.baseline ? `${r.name} (baseline)` : r.name,
    fixed(r.itemsPerSecond.median, 0),
    `${fixed(r.itemsPerSecond.min, 0)}–${fixed(r.itemsPerSecond.max, 0)}`,
    fixed(r.bytesPerSecond / 1e6, 2),
    r.baseline
      ? '1'
      : `${fixed(r.throughputRatio.median, 3)} (${fixed(r.throughputRatio.min, 3)}–${fixed(r.throughputRatio.max, 3)})`,
    // 1 ÷ the median ratio is the median of the inverse ratios (odd rounds: exactly).
    r.baseline ? '1' : fixed(1 / r.throughputRatio.median, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `benchmark: ${report.name}`,
    ...report.notes.map((note) => `  ${note}`),
    `  input per item: median ${kb(corpus.itemBytes.median)}, ` +
      `${kb(corpus.itemBytes.min)}–${kb(corpus.itemBytes.max)}; ${corpus.items} items, ` +
      `${kb(corpus.totalBytes)} in all`,
    `  ${settings.rounds} rounds, cases interleaved, each ≥ ${settings.minSampleMs} ms per round ` +
      `after ${settings.warmupMs} ms warm-up; ratios are medians of per-round ratios`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function kb(value: number): string {
  return `${(value / 1024).toFixed(1)} KiB`;
}
