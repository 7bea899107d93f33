import { createContext, useContext } from 'react';
import type { CodeOption } from '../../../components/format.ts';

/** What every part of the programme editor needs: its problems by field, and the codes it may name. */
export interface EditorContextValue {
  /** The messages of the problems shown at this field (joined), or undefined. */
  errorAt: (path: string) => string | undefined;
  /** The nationality groups the draft defines, for "nationality group" conditions. */
  groupOptions: CodeOption[];
  /** The codes of the programmes of the inventory (interactions, previous assistance). */
  programmeCodes: string[];
}

export const EditorContext = createContext<EditorContextValue>({
  errorAt: () => undefined,
  groupOptions: [],
  programmeCodes: [],
});

export function useEditor(): EditorContextValue {
  return useContext(EditorContext);
}
