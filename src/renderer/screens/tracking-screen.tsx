/**
 * Tracking: the events of one or more shipments as a timeline in time order; events whose
 * time MegaWMS does not know come last, marked "time unknown".
 */
import { ErrorPresenter } from '../components/error-presenter';
import { NumbersLookup } from '../components/numbers-lookup';
import { useI18nStore, useT } from '../i18n/i18n';
import { formatAge, formatTime } from '../lib/time';
import type { ShipmentView } from '../../shared/contract';
import { timeline, useTrackingStore } from '../stores/tracking-store';

/** The Tracking screen. */
export function TrackingScreen(): React.JSX.Element {
  const t = useT();
  const text = useTrackingStore((state) => state.text);
  const shipments = useTrackingStore((state) => state.shipments);
  const loading = useTrackingStore((state) => state.loading);
  const error = useTrackingStore((state) => state.error);
  const setText = useTrackingStore((state) => state.setText);
  const fetchTracking = useTrackingStore((state) => state.fetch);

  return (
    <div className="screen tracking-screen">
      <h1>{t('nav.tracking')}</h1>
      <NumbersLookup
        label={t('tracking.numbersLabel')}
        lookupLabel={t('tracking.track')}
        value={text}
        loading={loading}
        onChange={setText}
        onLookup={(refresh) => void fetchTracking(refresh)}
      />
      {error && <ErrorPresenter error={error} />}
      <div className="shipments">
        {shipments.map((shipment, index) => (
          <ShipmentCard key={`${index}-${shipment.query}`} shipment={shipment} />
        ))}
      </div>
    </div>
  );
}

function ShipmentCard({ shipment }: { shipment: ShipmentView }): React.JSX.Element {
  const t = useT();
  const language = useI18nStore((state) => state.language);
  const events = timeline(shipment.events);
  // The newest dated event is where the parcel is now; undated ones sort after it.
  const latest = events.findLastIndex((event) => event.time !== null);
  const title = shipment.trackingNumber || shipment.query;
  return (
    <section className="shipment" aria-label={t('tracking.shipmentLabel', { number: title })}>
      <header className="shipment-head">
        <h2>{title}</h2>
        {shipment.status && <span className="tag">{shipment.status}</span>}
        <span className="muted">
          {[shipment.orderNo, shipment.country].filter(Boolean).join(' · ')}
        </span>
        <span className="muted">
          {t('tracking.checked', { age: formatAge(shipment.fetchedAt, t) })}
          {shipment.offline && ` · ${t('offline.badge')}`}
        </span>
      </header>
      {!shipment.ok && (
        <ErrorPresenter
          error={{ code: 'not-found', message: shipment.message ?? '' }}
          title={t('tracking.failed')}
        />
      )}
      {shipment.ok && events.length === 0 && <p className="muted">{t('tracking.noEvents')}</p>}
      <ol className="timeline">
        {events.map((event, index) => (
          <li key={index} className={eventClass(event.time, index === latest)}>
            <time dateTime={event.time ?? undefined} className="event-time">
              {formatTime(event.time, language, t)}
            </time>
            <span className="event-text">
              {language === 'zh-CN'
                ? event.descriptionCn || event.descriptionEn
                : event.descriptionEn || event.descriptionCn}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function eventClass(time: string | null, isLatest: boolean): string {
  return ['event', time ? '' : 'event-unknown', isLatest ? 'event-latest' : ''].join(' ').trim();
}
