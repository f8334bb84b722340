/**
 * The app shell: header (name, offline badge, language toggle), banners, the navigation
 * with each screen's function key, and the open screen.
 */
import { useEffect } from 'react';
import { DemoBanner } from './components/banner';
import { LabelPreview } from './components/label-preview';
import { OfflineBadge } from './components/offline-badge';
import { type MessageKey, useI18nStore, useT } from './i18n/i18n';
import { BatchScreen } from './screens/batch-screen';
import { InventoryScreen } from './screens/inventory-screen';
import { OrdersScreen } from './screens/orders-screen';
import { QueueScreen } from './screens/queue-screen';
import { ScanScreen } from './screens/scan-screen';
import { SettingsScreen } from './screens/settings-screen';
import { TrackingScreen } from './screens/tracking-screen';
import { startEventFeeds } from './stores/event-feeds';
import { SCREENS, type ScreenId, screenForKey, useNavStore } from './stores/nav-store';
import { useSettingsStore } from './stores/settings-store';

const NAV_KEY: Record<ScreenId, MessageKey> = {
  scan: 'nav.scan',
  batch: 'nav.batch',
  orders: 'nav.orders',
  tracking: 'nav.tracking',
  inventory: 'nav.inventory',
  queue: 'nav.queue',
  settings: 'nav.settings',
};

const SCREEN_VIEW: Record<ScreenId, () => React.JSX.Element> = {
  scan: ScanScreen,
  batch: BatchScreen,
  orders: OrdersScreen,
  tracking: TrackingScreen,
  inventory: InventoryScreen,
  queue: QueueScreen,
  settings: SettingsScreen,
};

/** F1–F7 open the screens from anywhere, even while typing in a field. */
function useScreenKeys(): void {
  const go = useNavStore((state) => state.go);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const screen = screenForKey(event.key);
      if (!screen || event.altKey || event.ctrlKey || event.metaKey) return;
      // F5 would reload and F3/F6/F7 are browser keys: the station's meaning wins.
      event.preventDefault();
      if (!document.querySelector('[role="dialog"]')) go(screen);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [go]);
}

/** The whole window. */
export function App(): React.JSX.Element {
  const t = useT();
  const screen = useNavStore((state) => state.screen);
  const load = useSettingsStore((state) => state.load);
  useScreenKeys();

  const appName = t('app.name');
  useEffect(() => {
    document.title = appName;
  }, [appName]);

  useEffect(() => {
    const stop = startEventFeeds();
    void load();
    return stop;
  }, [load]);

  const Screen = SCREEN_VIEW[screen];
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <span className="app-screen">{t(NAV_KEY[screen])}</span>
        <OfflineBadge />
        <LanguageToggle />
      </header>
      <DemoBanner />
      <div className="app-body">
        <NavBar />
        <main className="app-main">
          <Screen />
        </main>
      </div>
      <LabelPreview />
    </div>
  );
}

function NavBar(): React.JSX.Element {
  const t = useT();
  const screen = useNavStore((state) => state.screen);
  const go = useNavStore((state) => state.go);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {SCREENS.map((id, index) => (
          <li key={id}>
            <button
              type="button"
              className="nav-button"
              aria-current={screen === id ? 'page' : undefined}
              aria-keyshortcuts={`F${index + 1}`}
              onClick={() => go(id)}
            >
              <span className="nav-text">{t(NAV_KEY[id])}</span>
              <kbd className="nav-key">{`F${index + 1}`}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageToggle(): React.JSX.Element {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const setLanguage = useSettingsStore((state) => state.setLanguage);
  const next = language === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="language-toggle"
      aria-label={t('language.switchTo', {
        language: t(next === 'en' ? 'language.en' : 'language.zh-CN'),
      })}
      onClick={() => void setLanguage(next)}
    >
      {t(next === 'en' ? 'language.en' : 'language.zh-CN')}
    </button>
  );
}
