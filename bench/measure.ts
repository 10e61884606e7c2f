// Timing with a baseline in the same run. The machines are noisy, so cases are interleaved in
// every round (order rotated), and results are medians and ratios to the baseline's figure from
// the same round rather than absolute numbers from one long run.
import type { BenchCase, BenchSuite } from './benchmark.ts';

export interface MeasureOptions {
  rounds: number;
  /** Each case runs whole passes over the corpus until at least this long per round. */
  minSampleMs: number;
  /** Untimed running of every case first, so all are compiled and warm. */
  warmupMs: number;
  /** Told when each round is done (progress on stderr). */
  onRound?: (round: number) => void;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface CaseResult {
  name: string;
  baseline: boolean;
  itemsPerSecond: Spread;
  /** Median items/s × mean item size. */
  bytesPerSecond: number;
  /** Per round: this case's items/s ÷ the baseline's; below 1 means slower than the baseline. */
  throughputRatio: Spread;
}

export async function measure(suite: BenchSuite, options: MeasureOptions): Promise<CaseResult[]> {
  const all = [suite.baseline, ...suite.cases];
  for (const benchCase of all) await sample(benchCase, suite.corpus.items, options.warmupMs);

  const rates: number[][] = all.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < all.length; k++) {
      const index = (k + round) % all.length;
      const rate = await sample(all[index]!, suite.corpus.items, options.minSampleMs);
      rates[index]!.push(rate);
    }
    options.onRound?.(round + 1);
  }

  const baselineRates = rates[0]!;
  const meanBytes = suite.corpus.itemBytes.reduce((a, b) => a + b, 0) / suite.corpus.items;
  return all.map((benchCase, index) => {
    const own = rates[index]!;
    const itemsPerSecond = spread(own);
    return {
      name: benchCase.name,
      baseline: index === 0,
      itemsPerSecond,
      bytesPerSecond: itemsPerSecond.median * meanBytes,
      throughputRatio: spread(own.map((rate, round) => rate / baselineRates[round]!)),
    };
  });
}

/** Items per second over whole passes lasting at least `minMs`. */
async function sample(benchCase: BenchCase, items: number, minMs: number): Promise<number> {
  let passes = 0;
  let check = 0;
  const start = process.hrtime.bigint();
  let elapsedNs = 0n;
  do {
    check += await benchCase.pass();
    passes++;
    elapsedNs = process.hrtime.bigint() - start;
  } while (elapsedNs < BigInt(Math.round(minMs * 1e6)));
  if (!Number.isFinite(check)) throw new Error(`${benchCase.name}: pass returned no number`);
  return (passes * items) / (Number(elapsedNs) / 1e9);
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
