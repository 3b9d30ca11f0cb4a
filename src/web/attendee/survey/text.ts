import { createContext, useContext } from 'react';

export type Translate = (key: string, params?: Record<string, string | number | null | undefined>) => string;

/**
 * The survey form is shared by the attendee page (its own tiny i18n) and the builder's phone
 * preview (react-i18next): each passes its `t` through this context, the keys are the same
 * (`attendee.survey.*`).
 */
export const SurveyText = createContext<Translate>((key) => key);
export const useSurveyText = () => useContext(SurveyText);
