/**
 * Small ports of Go standard-library behaviour whose text ends up in Coder's
 * error messages, so the fake's errors read exactly like Coder's.
 */

/** Go's %q for the strings we meet (ASCII and printable Unicode). */
export function goQuote(text: string): string {
  return JSON.stringify(text);
}

/** strconv.ParseBool. */
export function parseGoBool(
  text: string,
): { ok: true; value: boolean } | { ok: false; error: string } {
  switch (text) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return { ok: true, value: true };
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return { ok: true, value: false };
    default:
      return {
        ok: false,
        error: `strconv.ParseBool: parsing ${goQuote(text)}: invalid syntax`,
      };
  }
}

/** strconv.ParseInt(text, 10, bits). */
export function parseGoInt(
  text: string,
  bits: 32 | 64,
): { ok: true; value: number } | { ok: false; error: string } {
  if (!/^[+-]?[0-9]+$/.test(text)) {
    return {
      ok: false,
      error: `strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`,
    };
  }
  const value = BigInt(text);
  const limit = 2n ** BigInt(bits - 1);
  if (value >= limit || value < -limit) {
    return {
      ok: false,
      error: `strconv.ParseInt: parsing ${goQuote(text)}: value out of range`,
    };
  }
  return { ok: true, value: Number(value) };
}

/** strings.FieldsFunc splitting on a delimiter outside double quotes. */
export function splitOutsideQuotes(
  text: string,
  delimiter: string,
  keepQuotes: boolean,
): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    if (!quoted && character === delimiter) {
      if (current) parts.push(current);
      current = '';
      continue;
    }
    current += character;
  }
  if (current) parts.push(current);
  return keepQuotes ? parts : parts.map(part => part.replace(/^"+|"+$/g, ''));
}

/**
 * Postgres (I)LIKE pattern as a RegExp: `%` is any run, `_` one character,
 * backslash escapes the next character.
 */
export function likePatternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\' && index + 1 < pattern.length) {
      source += escapeRegExp(pattern[++index]);
    } else if (character === '%') {
      source += '[\\s\\S]*';
    } else if (character === '_') {
      source += '[\\s\\S]';
    } else {
      source += escapeRegExp(character);
    }
  }
  return new RegExp(`^${source}$`, 'i');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * golang.org/x/xerrors Errorf with `%w` somewhere other than a final `: %w`:
 * the cause is formatted in place, and printing the error then appends `: `
 * and the cause once more (xerrors' own TODO admits the repeat).
 */
export function xerrorsInlineWrap(formatted: string, cause: string): string {
  return `${formatted}: ${cause}`;
}

/**
 * time.Duration.String() for a duration in nanoseconds: `876600h0m0s`,
 * `1m30.5s`, `1.5ms`, `0s` (the text behind `%v` of a Duration).
 */
export function formatGoDuration(nanoseconds: bigint): string {
  const negative = nanoseconds < 0n;
  const magnitude = negative ? -nanoseconds : nanoseconds;
  // fmtFrac: the digits below 10^precision, trailing zeros (and the dot) dropped.
  const split = (value: bigint, precision: number): [bigint, string] => {
    const scale = 10n ** BigInt(precision);
    const digits = (value % scale)
      .toString()
      .padStart(precision, '0')
      .replace(/0+$/, '');
    return [value / scale, digits ? `.${digits}` : ''];
  };
  let text: string;
  if (magnitude === 0n) {
    return '0s';
  } else if (magnitude < 1_000_000_000n) {
    let unit: [string, number];
    if (magnitude < 1000n) unit = ['ns', 0];
    else if (magnitude < 1_000_000n) unit = ['µs', 3];
    else unit = ['ms', 6];
    const [whole, fraction] = split(magnitude, unit[1]);
    text = `${whole}${fraction}${unit[0]}`;
  } else {
    const [seconds, fraction] = split(magnitude, 9);
    text = `${seconds % 60n}${fraction}s`;
    const minutes = seconds / 60n;
    if (minutes > 0n) {
      text = `${minutes % 60n}m${text}`;
      const hours = minutes / 60n;
      if (hours > 0n) text = `${hours}h${text}`;
    }
  }
  return negative ? `-${text}` : text;
}
