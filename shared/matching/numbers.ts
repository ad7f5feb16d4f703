/**
 * Numbers written differently should meet in the index: "1,500", "1 500", "1.5k", "one thousand five hundred"
 * and "1.5 million" become the same digits; "%" and "per cent" become "percent".
 */
const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  k: 1_000,
  million: 1_000_000,
  m: 1_000_000,
  mln: 1_000_000,
  billion: 1_000_000_000,
  bn: 1_000_000_000,
  b: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Math.round(n * 1000) / 1000;
  return Number.isInteger(rounded) ? String(rounded) : String(rounded);
}

/** Digits with thousands separators ("1,500", "1 500") and decimal commas are joined first. */
function joinDigitGroups(text: string): string {
  return text
    .replace(/(\d)[,\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)[,\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1')
    .replace(/%/g, ' percent ')
    .replace(/\bper\s?cent\b/gi, ' percent ')
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1');
}

/**
 * Rewrite number words and scaled figures into plain digits on an already lower-cased token list.
 * Tokens are words or numbers as produced by the analyser.
 */
export function normaliseNumberTokens(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const isNum = /^\d+(\.\d+)?$/.test(t);
    const small = SMALL[t];
    if (isNum || small !== undefined) {
      let value = isNum ? Number(t) : small!;
      let total = 0;
      let j = i + 1;
      // "twenty five", "one hundred and five", "1.5 million", "3 thousand"
      while (j < tokens.length) {
        const next = tokens[j]!;
        const scale = SCALE[next];
        if (scale !== undefined && !(scale === 1_000_000_000 && next === 'b' && !isNum)) {
          value *= scale;
          if (scale >= 1000) {
            total += value;
            value = 0;
          }
          j++;
          continue;
        }
        const s = SMALL[next];
        if (s !== undefined && !isNum && value % 10 === 0 && s < 10) {
          value += s;
          j++;
          continue;
        }
        if (next === 'and' && SMALL[tokens[j + 1] ?? ''] !== undefined && !isNum && value >= 100) {
          j++;
          continue;
        }
        break;
      }
      out.push(formatNumber(total + value));
      i = j;
      continue;
    }
    const suffixed = /^(\d+(?:\.\d+)?)(k|m|mln|bn|b)$/.exec(t);
    if (suffixed) {
      out.push(formatNumber(Number(suffixed[1]) * SCALE[suffixed[2]!]!));
      i++;
      continue;
    }
    out.push(t);
    i++;
  }
  return out;
}

export { joinDigitGroups };
