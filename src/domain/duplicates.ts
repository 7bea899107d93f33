import { keysSimilarity, MATCH_THRESHOLD } from './names/match.ts';
import type { SearchKeys } from './names/search-keys.ts';

/**
 * Is a newly registered person perhaps someone already in a case? Pure scoring of one candidate:
 * the name similarity across scripts and spellings, adjusted by date of birth and sex, with the
 * reasons a counsellor can check.
 */
export interface PersonFacts {
  keys: SearchKeys;
  dateOfBirth: string | null; // YYYY-MM-DD
  dateOfBirthApproximate: boolean;
  sex: string | null;
}

export type DuplicateReason =
  | 'similar_name'
  | 'same_name'
  | 'same_date_of_birth'
  | 'birth_year_close'
  | 'different_date_of_birth'
  | 'different_sex';

export interface DuplicateVerdict {
  score: number;
  nameScore: number;
  reasons: DuplicateReason[];
}

export const DUPLICATE_THRESHOLD = 0.6;

function year(date: string): number {
  return Number(date.slice(0, 4));
}

export function duplicateScore(query: PersonFacts, candidate: PersonFacts): DuplicateVerdict {
  const nameScore = keysSimilarity(query.keys, candidate.keys);
  const reasons: DuplicateReason[] = [];
  if (nameScore >= 0.999) reasons.push('same_name');
  else if (nameScore >= MATCH_THRESHOLD) reasons.push('similar_name');
  let score = nameScore;
  if (query.dateOfBirth && candidate.dateOfBirth) {
    const approximate = query.dateOfBirthApproximate || candidate.dateOfBirthApproximate;
    const years = Math.abs(year(query.dateOfBirth) - year(candidate.dateOfBirth));
    if (query.dateOfBirth === candidate.dateOfBirth) {
      score += 0.2;
      reasons.push('same_date_of_birth');
    } else if (years <= (approximate ? 2 : 1)) {
      score += 0.05;
      reasons.push('birth_year_close');
    } else {
      score -= 0.45;
      reasons.push('different_date_of_birth');
    }
  }
  if (
    query.sex &&
    candidate.sex &&
    query.sex !== 'unknown' &&
    candidate.sex !== 'unknown' &&
    query.sex !== candidate.sex
  ) {
    score -= 0.2;
    reasons.push('different_sex');
  }
  return { score: Math.max(0, Math.min(1, Math.round(score * 1000) / 1000)), nameScore, reasons };
}

export function isPossibleDuplicate(v: DuplicateVerdict): boolean {
  return v.nameScore >= MATCH_THRESHOLD && v.score >= DUPLICATE_THRESHOLD;
}
