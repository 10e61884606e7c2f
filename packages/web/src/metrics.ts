/**
 * A tiny Prometheus text registry: counters Herald increments, plus gauges read at scrape time
 * (queue depths). Enough for /metrics without a client library.
 */
export interface Metrics {
  inc(name: string, labels?: Record<string, string>, by?: number): void;
  render(gauges?: GaugeSample[]): string;
}

export interface GaugeSample {
  name: string;
  help: string;
  labels: Record<string, string>;
  value: number;
}

const labelText = (labels: Record<string, string>) => {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  const escapeValue = (v: string) =>
    v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `{${entries.map(([k, v]) => `${k}="${escapeValue(v)}"`).join(',')}}`;
};

export function createMetrics(): Metrics {
  const counters = new Map<string, Map<string, number>>();
  return {
    inc(name, labels = {}, by = 1) {
      const series = counters.get(name) ?? new Map<string, number>();
      counters.set(name, series);
      const key = labelText(labels);
      series.set(key, (series.get(key) ?? 0) + by);
    },
    render(gauges = []) {
      const lines: string[] = [];
      for (const [name, series] of counters) {
        lines.push(`# TYPE ${name} counter`);
        for (const [labels, value] of series) lines.push(`${name}${labels} ${value}`);
      }
      const byName = Map.groupBy(gauges, (g) => g.name);
      for (const [name, samples] of byName) {
        lines.push(`# HELP ${name} ${samples[0]!.help}`, `# TYPE ${name} gauge`);
        for (const s of samples) lines.push(`${name}${labelText(s.labels)} ${s.value}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
