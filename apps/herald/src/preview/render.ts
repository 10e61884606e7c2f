import type { ItemPreview, RoutePreview } from './plan-routes.ts';

/** Human-readable preview: each item, each route, each part with its count against the limit. */
export function describeItems(items: ItemPreview[]): string {
  if (items.length === 0) return 'No items.\n';
  return items.map(describeItem).join('\n');
}

function describeItem(item: ItemPreview): string {
  const head = `━━ ${item.title ?? item.itemKey} ━━\n${item.url ? `${item.url}\n` : ''}`;
  if (item.routes.length === 0) return `${head}(no route in the config takes this item)\n`;
  return `${head}${item.routes.map(describeRoute).join('')}`;
}

function describeRoute(route: RoutePreview): string {
  const head = `\n→ ${route.account} (${route.route}) · limit ${route.limit}, ${route.urlChars} per URL\n`;
  if (route.status === 'filtered') return `${head}  filtered: ${route.rule}\n`;
  if (route.status === 'error')
    return `${head}  cannot be posted: ${route.reason} (${route.code})\n`;
  const notes = route.notes.map((n) => `  rule: ${n}\n`).join('');
  const parts = route.parts
    .map((part, i) => {
      const facts = [
        `${part.length}/${route.limit}`,
        part.visibility,
        part.language,
        part.sensitive ? 'sensitive' : undefined,
      ];
      const header = `  ── part ${i + 1}/${route.parts.length} · ${facts.filter(Boolean).join(' · ')} ──\n`;
      const cw = part.spoilerText ? `  CW: ${part.spoilerText}\n` : '';
      const text = part.text.replace(/^/gm, '  ');
      const media = part.media
        .map(
          (m) =>
            `  media: ${m.url}${m.alt ? ` (alt: ${JSON.stringify(m.alt)})` : ' (no alt text)'}\n`,
        )
        .join('');
      return `${header}${cw}${text}\n${media}`;
    })
    .join('');
  return `${head}${notes}${parts}`;
}
