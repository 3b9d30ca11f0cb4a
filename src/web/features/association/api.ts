import type { SetupInput } from '../../../contract/association.js';
import { api } from '../../app/api.js';

export const postSetup = (input: SetupInput) =>
  api.post<{ associationId: string; adminId: string }>('/setup', input);
