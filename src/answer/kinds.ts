import { fold } from '../text/terms.ts';

/**
 * Kind and attribute checks: what an answer must hold for the question to be answered at all. "How old is X?" needs
 * an age, "When was X born?" a birth, "How much did X cost?" an amount of money, "X's wife" a wife. Without them the
 * best sentence about X is still not an answer, and the engine declines rather than quote it.
 */
export interface KindCheck {
  /** What the answer must say, for the reason given when it is missing ("an age"). */
  what: string;
  test: RegExp;
}

const AGE = /\b\d{1,3}-year-old\b|\b\d{1,3} years? old\b|\baged? \d{1,3}\b|\p{Lu}[\p{L}'’-]+, \d{1,3},/u;
const BIRTH = /\bborn\b|\bbirth|\bnative of\b/i;
const MONEY =
  /[$£€¥]\s?\d|\b\d[\d,.]*\s*(?:dollars?|pounds?|euros?|cents?|yen|rubles?|manats?)\b|\b(?:million|billion|thousand) (?:dollars|pounds|euros)\b/i;

/** Attributes that must be named in the answer ("X's wife"), with the words that say them. */
const ATTRIBUTES: Record<string, RegExp> = {
  wife: /\bwife\b|\bmarried\b|\bMrs\.?\s/i,
  husband: /\bhusband\b|\bmarried\b/i,
  son: /\bsons?\b|\bchildren\b/i,
  daughter: /\bdaughters?\b|\bchildren\b/i,
  children: /\bchild(?:ren)?\b|\bsons?\b|\bdaughters?\b/i,
  kids: /\bchild(?:ren)?\b|\bsons?\b|\bdaughters?\b|\bkids?\b/i,
  mother: /\bmother\b/i,
  father: /\bfather\b/i,
  brother: /\bbrothers?\b/i,
  sister: /\bsisters?\b/i,
  address: /\baddress\b|\breside|\blives? (?:at|in)\b|\d+ \p{Lu}\p{L}+ (?:St|Dr|Ave|Rd|Street|Drive|Avenue|Road)\b/iu,
  salary: /\bsalary\b|\bpaid\b|\bearn|[$£€]\s?\d/i,
  birthday: BIRTH,
};

export function kindChecks(question: string): KindCheck[] {
  const q = fold(question);
  const out: KindCheck[] = [];
  if (/\bhow old\b|\bwhat age\b|\bage of\b/.test(q)) out.push({ what: 'an age', test: AGE });
  if (/\b(?:born|birth|birthday|birthplace)\b/.test(q)) out.push({ what: 'a birth', test: BIRTH });
  if (
    /\bhow much\b/.test(q) &&
    /\b(?:cost|costs|costing|paid|pay|pays|paying|price|priced|spend|spent|worth|salary|earn|earns|earned|charge|charged|money|fee|fees|sold|sell|buy|bought)\b/.test(
      q,
    )
  )
    out.push({ what: 'an amount of money', test: MONEY });
  for (const m of q.matchAll(
    /\b[\p{L}\p{N}-]+'s (\p{L}+)\b|\bthe (\p{L}+) of\b|\bname of [\p{L}\p{N}-]+'s (\p{L}+)\b/gu,
  )) {
    const attr = m[1] ?? m[2] ?? m[3];
    const test = attr ? ATTRIBUTES[attr] : undefined;
    if (attr && test && !out.some((c) => c.what === attr)) out.push({ what: attr, test });
  }
  return out;
}

/** The checks `text` fails, by what they ask for. */
export function failedChecks(checks: KindCheck[], text: string): string[] {
  return checks.filter((c) => !c.test.test(text)).map((c) => c.what);
}
