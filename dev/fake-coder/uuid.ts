/**
 * A port of github.com/google/uuid Parse: Coder returns its error text in the
 * `detail` of `Invalid UUID "x".` responses and in search-query validations.
 */
export type UuidParseResult =
  { ok: true; value: string } | { ok: false; error: string };

const HEX = /^[0-9a-fA-F]{2}$/;
const DASH_POSITIONS = [8, 13, 18, 23];
const BYTE_OFFSETS = [
  0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34,
];

function fromCanonical(text: string): UuidParseResult {
  if (DASH_POSITIONS.some(position => text[position] !== '-')) {
    return { ok: false, error: 'invalid UUID format' };
  }
  const bytes: string[] = [];
  for (const offset of BYTE_OFFSETS) {
    const pair = text.slice(offset, offset + 2);
    if (!HEX.test(pair)) return { ok: false, error: 'invalid UUID format' };
    bytes.push(pair.toLowerCase());
  }
  return { ok: true, value: formatBytes(bytes) };
}

function formatBytes(bytes: string[]): string {
  const hex = bytes.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function parseUuid(text: string): UuidParseResult {
  switch (text.length) {
    case 36:
      return fromCanonical(text);
    case 45: {
      if (text.slice(0, 9).toLowerCase() !== 'urn:uuid:') {
        return {
          ok: false,
          error: `invalid urn prefix: ${JSON.stringify(text.slice(0, 9))}`,
        };
      }
      return fromCanonical(text.slice(9));
    }
    case 38: {
      if (text[0] !== '{' || text[37] !== '}') {
        return { ok: false, error: 'invalid UUID format' };
      }
      return fromCanonical(text.slice(1, 37));
    }
    case 32: {
      const bytes: string[] = [];
      for (let offset = 0; offset < 32; offset += 2) {
        const pair = text.slice(offset, offset + 2);
        if (!HEX.test(pair)) return { ok: false, error: 'invalid UUID format' };
        bytes.push(pair.toLowerCase());
      }
      return { ok: true, value: formatBytes(bytes) };
    }
    default:
      return { ok: false, error: `invalid UUID length: ${text.length}` };
  }
}

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
