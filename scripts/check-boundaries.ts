// Dependency check: the Mastodon sandbox is an independent oracle for Herald's formatter and
// client, so it may not import them (by package name or by a relative path out of its folder).
// Biome's noRestrictedImports says the same inside the editor; this also covers package.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const sandbox = join(root, 'packages/sandbox');
const forbidden = ['@herald/format', '@herald/mastodon', '@herald/publisher', '@herald/sources'];
const problems: string[] = [];

const manifest = JSON.parse(readFileSync(join(sandbox, 'package.json'), 'utf8')) as Record<
  string,
  unknown
>;
for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
  for (const dep of Object.keys((manifest[field] as Record<string, string> | undefined) ?? {})) {
    if (forbidden.includes(dep))
      problems.push(`packages/sandbox/package.json: ${field} has ${dep}`);
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : /\.[cm]?[jt]s$/.test(entry.name) ? [path] : [];
  });
}

const importRe = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
for (const file of walk(sandbox)) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importRe)) {
    const spec = match[1]!;
    const outside = spec.startsWith('.') && !resolve(file, '..', spec).startsWith(`${sandbox}/`);
    if (forbidden.some((f) => spec === f || spec.startsWith(`${f}/`)) || outside) {
      problems.push(`${relative(root, file)}: imports ${spec}`);
    }
  }
}

if (problems.length > 0) {
  process.stderr.write(
    `check-boundaries: the sandbox must stay independent of Herald:\n  ${problems.join('\n  ')}\n`,
  );
  process.exitCode = 1;
}
