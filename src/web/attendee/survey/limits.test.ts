import { describe, expect, it } from 'vitest';
import {
  NPS_RANGE as CONTRACT_NPS,
  SCALE_RANGE as CONTRACT_SCALES,
  SURVEY_LIMITS,
} from '../../../contract/surveys.js';
import { NPS_RANGE, SCALE_RANGE, TEXT_LIMITS } from './limits.js';

describe('survey limits on the phone', () => {
  it('equal the contract', () => {
    expect(SCALE_RANGE).toEqual(CONTRACT_SCALES);
    expect(NPS_RANGE).toEqual(CONTRACT_NPS);
    expect(TEXT_LIMITS).toEqual({ shortText: SURVEY_LIMITS.shortText, longText: SURVEY_LIMITS.longText });
  });
});
