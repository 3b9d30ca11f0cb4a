import type { OBSERVATION_LIMITS } from '../../../contract/observations.js';

/**
 * The contract's limits the phone needs. Copied, not imported: importing a value from the contract
 * pulls zod (~26 kB gzip) into the scorecard chunk. The type keeps the copy equal to the contract.
 */
export const LIMITS: Pick<typeof OBSERVATION_LIMITS, 'noteText' | 'photosPerNote' | 'answerText'> = {
  noteText: 2000,
  photosPerNote: 6,
  answerText: 2000,
};
