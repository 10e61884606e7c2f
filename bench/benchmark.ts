// What a benchmark in bench/ provides, and what measuring it yields. A benchmark file is named
// `*.bench.ts` and exports `benchmark`; bench/run.ts finds and runs every one.

/** One way of processing the corpus, timed a whole pass at a time. */
export interface BenchCase {
  name: string;
  /** Processes every item once; returns a number derived from the output, so none is skipped. */
  pass(): number | Promise<number>;
}

export interface Corpus {
  items: number;
  /** Input bytes per item (all HTML fields an item has), to report sizes and bytes/s. */
  itemBytes: readonly number[];
}

/** A prepared benchmark: inputs built and checked, ready to time. */
export interface BenchSuite {
  corpus: Corpus;
  /** Measured in the same run on the same inputs; every other case is reported against it. */
  baseline: BenchCase;
  cases: readonly BenchCase[];
  /** What the inputs and outputs look like, printed above the results. */
  notes: readonly string[];
}

export interface Benchmark {
  name: string;
  /** Builds the inputs and checks that every case does its real work on them. */
  prepare(): Promise<BenchSuite>;
}

export function isBenchmark(value: unknown): value is Benchmark {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Benchmark>;
  return typeof candidate.name === 'string' && typeof candidate.prepare === 'function';
}
