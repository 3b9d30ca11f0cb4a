/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters; the last is a check character computed from
 * the first 17 with fixed weights modulo 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const index = USCC_ALPHABET.indexOf(first17[i]);
    if (index < 0) return null;
    sum += index * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check];
}

export function isValidUscc(code: string): boolean {
  const normalized = code.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(normalized)) return false;
  return usccCheckChar(normalized.slice(0, 17)) === normalized[17];
}
