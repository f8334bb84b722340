/**
 * A box for many numbers with a "look up" button and an "ask MegaWMS again" button that
 * skips the cache: the top of the Tracking and Order status screens.
 */
import { useId } from 'react';
import { useT } from '../i18n/i18n';

interface NumbersLookupProps {
  label: string;
  lookupLabel: string;
  value: string;
  loading: boolean;
  onChange: (value: string) => void;
  onLookup: (refresh: boolean) => void;
}

/** The numbers box and its two buttons. */
export function NumbersLookup(props: NumbersLookupProps): React.JSX.Element {
  const t = useT();
  const inputId = useId();
  return (
    <div className="lookup-bar">
      <div className="field grow">
        <label htmlFor={inputId}>{props.label}</label>
        <textarea
          id={inputId}
          rows={3}
          value={props.value}
          spellCheck={false}
          onChange={(event) => props.onChange(event.target.value)}
        />
      </div>
      <div className="lookup-buttons">
        <button
          type="button"
          className="primary"
          disabled={props.loading}
          onClick={() => props.onLookup(false)}
        >
          {props.loading ? t('action.lookingUp') : props.lookupLabel}
        </button>
        <button type="button" disabled={props.loading} onClick={() => props.onLookup(true)}>
          {t('action.refreshFromMegawms')}
        </button>
      </div>
    </div>
  );
}
