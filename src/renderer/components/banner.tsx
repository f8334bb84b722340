/**
 * Banners across the top of every screen: demo mode (nothing ships) and a problem the
 * station cannot start without (settings unreadable).
 */
import { useT } from '../i18n/i18n';
import { isDemo, useSettingsStore } from '../stores/settings-store';

interface BannerProps {
  tone: 'info' | 'warning' | 'danger';
  children: React.ReactNode;
}

/** A full-width message strip. */
export function Banner({ tone, children }: BannerProps): React.JSX.Element {
  return (
    <div className={`banner banner-${tone}`} role="status">
      {children}
    </div>
  );
}

/** "Demo mode …" while the station works against the built-in training server. */
export function DemoBanner(): React.JSX.Element | null {
  const t = useT();
  const demo = useSettingsStore(isDemo);
  if (!demo) return null;
  return <Banner tone="warning">{t('banner.demo')}</Banner>;
}
