/**
 * Translations: every user-facing string lives in `en.json` / `zh-CN.json` under the same
 * flat keys. The language is switchable at run time; components read it through `useT`.
 */
import { create } from 'zustand';
import type { Language } from '../../shared/contract';
import en from './en.json';
import zhCN from './zh-CN.json';

/** A key of the English dictionary; the Chinese one must have exactly the same keys. */
export type MessageKey = keyof typeof en;

/** Values put into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** `t(key, params)` bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

// Typed as complete dictionaries: a key missing from zh-CN.json fails the type check.
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** The text of `key` in `language`, with `{name}` placeholders filled from `params`. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[language][key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** True when `key` names a message, for codes that come from the main process. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

interface I18nState {
  language: Language;
  setLanguage: (language: Language) => void;
}

/** The language shown now; the settings store keeps it in step with the saved setting. */
export const useI18nStore = create<I18nState>()((set) => ({
  language: 'en',
  setLanguage: (language) => {
    document.documentElement.lang = language;
    set({ language });
  },
}));

/** The translate function for the current language; re-renders when it changes. */
export function useT(): Translate {
  const language = useI18nStore((state) => state.language);
  return (key, params) => translate(language, key, params);
}
