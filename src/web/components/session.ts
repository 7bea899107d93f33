import { createContext, useContext } from 'react';
import type { Permission } from '../../domain/permissions.ts';
import type { Me } from '../api/types.ts';

/** The signed-in user's session, provided by <RequireAuth> to every page inside the app shell. */
export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside <RequireAuth>');
  return me;
}

export function useCan(permission: Permission): boolean {
  return useSession().permissions.includes(permission);
}
