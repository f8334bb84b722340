/**
 * The badge in the header while MegaWMS cannot be reached: cached labels still print,
 * new lookups fail.
 */
import { useT } from '../i18n/i18n';
import { useNetworkStore } from '../stores/network-store';

/** "Offline" when MegaWMS is unreachable, nothing otherwise. */
export function OfflineBadge(): React.JSX.Element {
  const t = useT();
  const online = useNetworkStore((state) => state.online);
  return (
    <span className="badge-slot" role="status" aria-live="polite">
      {!online && (
        <span className="badge badge-offline" title={t('offline.detail')}>
          {t('offline.badge')}
        </span>
      )}
    </span>
  );
}
