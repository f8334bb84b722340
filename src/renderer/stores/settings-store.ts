/**
 * The station's settings as the renderer may see them (never a secret, only whether one is
 * set) and the app's facts. Keeps the language and the sound switch in step with what is
 * saved.
 */
import { create } from 'zustand';
import type {
  ChannelOutput,
  IpcError,
  IpcResult,
  Language,
  SettingsPatch,
  SettingsView,
} from '../../shared/contract';
import { useI18nStore } from '../i18n/i18n';
import { setSoundsEnabled } from '../sounds/play-sound';
import { settle, station } from '../station';

type AppInfo = ChannelOutput<'app.info'>;

interface SettingsState {
  settings: SettingsView | null;
  info: AppInfo | null;
  error: IpcError | null;
  saving: boolean;
  /** Set after a save succeeded, cleared by the next change. */
  savedAt: number | null;
  load: () => Promise<void>;
  update: (patch: SettingsPatch) => Promise<boolean>;
  setSecrets: (secrets: { apiKey?: string; trackKey?: string }) => Promise<boolean>;
  setLanguage: (language: Language) => Promise<void>;
}

function apply(settings: SettingsView): void {
  useI18nStore.getState().setLanguage(settings.language);
  setSoundsEnabled(settings.sounds);
}

/** Settings and app info. */
export const useSettingsStore = create<SettingsState>()((set, get) => {
  /** One save: the answer becomes the settings, then app.info is read again. */
  async function save(call: () => Promise<IpcResult<SettingsView>>): Promise<boolean> {
    set({ saving: true, savedAt: null });
    const result = await settle(call);
    if (!result.ok) {
      set({ saving: false, error: result.error });
      return false;
    }
    apply(result.value);
    set({ saving: false, error: null, settings: result.value, savedAt: Date.now() });
    // Demo mode may change with the account; the banner follows app.info.
    const info = await settle(() => station().app.info());
    if (info.ok) set({ info: info.value });
    return true;
  }

  return {
    settings: null,
    info: null,
    error: null,
    saving: false,
    savedAt: null,

    load: async () => {
      const [settings, info] = await Promise.all([
        settle(() => station().settings.get()),
        settle(() => station().app.info()),
      ]);
      if (settings.ok) apply(settings.value);
      set({
        settings: settings.ok ? settings.value : get().settings,
        info: info.ok ? info.value : get().info,
        error: !settings.ok ? settings.error : !info.ok ? info.error : null,
      });
    },

    update: (patch) => save(() => station().settings.update(patch)),

    setSecrets: (secrets) => save(() => station().settings.setSecrets(secrets)),

    setLanguage: async (language) => {
      // Switch at once; saving it is for the next start, and says nothing on the Settings form.
      useI18nStore.getState().setLanguage(language);
      if (!get().settings) return;
      const result = await settle(() => station().settings.update({ language }));
      if (result.ok) set({ settings: result.value });
      else set({ error: result.error });
    },
  };
});

/** True when the station works against the built-in training server. */
export function isDemo(state: Pick<SettingsState, 'settings' | 'info'>): boolean {
  return Boolean(state.info?.demo ?? state.settings?.demo);
}
