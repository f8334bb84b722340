/**
 * Which screen is open. Each screen has a function key (F1–F7), shown in the navigation.
 */
import { create } from 'zustand';

/** The screens, in navigation order; the index + 1 is the function key. */
export const SCREENS = [
  'scan',
  'batch',
  'orders',
  'tracking',
  'inventory',
  'queue',
  'settings',
] as const;

/** One screen of the app. */
export type ScreenId = (typeof SCREENS)[number];

interface NavState {
  screen: ScreenId;
  go: (screen: ScreenId) => void;
}

/** The open screen; Scan is home. */
export const useNavStore = create<NavState>()((set) => ({
  screen: 'scan',
  go: (screen) => set({ screen }),
}));

/** The screen a key opens (`F1` → scan … `F7` → settings), or null. */
export function screenForKey(key: string): ScreenId | null {
  const match = /^F([1-7])$/.exec(key);
  return match ? (SCREENS[Number(match[1]) - 1] ?? null) : null;
}
