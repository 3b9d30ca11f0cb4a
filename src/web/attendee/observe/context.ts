import { createContext, useContext } from 'react';
import type { Scorecard } from '../../../contract/observations.js';
import type { PointRef } from './progress.js';
import type { ScorecardView } from './records.js';
import type { ObserveStore } from './store.js';

export type ObserveContextValue = {
  store: ObserveStore;
  card: Scorecard;
  view: ScorecardView;
  points: Map<string, PointRef>;
  readOnly: boolean;
  /** Opens the note sheet for a new note (about a point and/or stop) or an existing one. */
  openNote: (target: NoteTarget) => void;
};

export type NoteTarget =
  | { noteId: string }
  | { pointId: string | null; routeStopId: string | null; kind: 'highlight' | 'problem' | 'suggestion' };

export const ObserveContext = createContext<ObserveContextValue | null>(null);

export function useObserve(): ObserveContextValue {
  const value = useContext(ObserveContext);
  if (!value) throw new Error('useObserve outside ObservePage');
  return value;
}
