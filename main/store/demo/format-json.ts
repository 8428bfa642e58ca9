// Pretty JSON that keeps small objects and arrays on one line (a plate, a point, a device), so the
// demo store files stay readable in a diff and a few hundred kilobytes instead of a megabyte.

export function formatJson(value: unknown, maxWidth = 120): string {
  return `${format(value, '', maxWidth)}\n`;
}

function entriesOf(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function flat(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  const entries = entriesOf(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${flat(v)}`).join(', ')} }`;
}

function format(value: unknown, indent: string, maxWidth: number): string {
  const oneLine = flat(value);
  if (value === null || typeof value !== 'object' || indent.length + oneLine.length <= maxWidth) return oneLine;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => inner + format(item, inner, maxWidth)).join(',\n')}\n${indent}]`;
  }
  const body = entriesOf(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, maxWidth)}`);
  return `{\n${body.join(',\n')}\n${indent}}`;
}
