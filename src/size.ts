import bytes from 'bytes';

/** `10MB`, `512kb`, `1.5 GB` or a plain number of bytes (units are 1024-based, as `bytes` reads them); undefined when not a size. */
export function parseByteSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  if (!/^\s*\d+(\.\d+)?\s*(b|kb|mb|gb|tb)?\s*$/i.test(value)) return undefined;
  const size = bytes.parse(value.trim());
  return size !== null && Number.isInteger(size) && size > 0 ? size : undefined;
}
