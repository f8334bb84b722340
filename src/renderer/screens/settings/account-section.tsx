/**
 * The account block of Settings. The API key and tracking key fields are always empty:
 * the stored keys never reach the renderer, only whether each is set.
 */
import { useState } from 'react';
import { TextField } from '../../components/fields';
import { useT } from '../../i18n/i18n';
import type { SettingsView } from '../../../shared/contract';
import { useSettingsStore } from '../../stores/settings-store';

/** Customer code, integration name and the two keys, saved together. */
export function AccountSection({ settings }: { settings: SettingsView }): React.JSX.Element {
  const t = useT();
  const update = useSettingsStore((state) => state.update);
  const setSecrets = useSettingsStore((state) => state.setSecrets);
  const saving = useSettingsStore((state) => state.saving);
  const [customerCode, setCustomerCode] = useState(settings.customerCode);
  const [apiName, setApiName] = useState(settings.apiName);
  const [apiKey, setApiKey] = useState('');
  const [trackKey, setTrackKey] = useState('');

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const account = { customerCode: customerCode.trim(), apiName: apiName.trim() };
    if (!(await update(account))) return;
    const secrets = {
      ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      ...(trackKey.trim() ? { trackKey: trackKey.trim() } : {}),
    };
    // The typed keys leave the renderer's memory once saved.
    if (Object.keys(secrets).length > 0 && (await setSecrets(secrets))) {
      setApiKey('');
      setTrackKey('');
    }
  };

  return (
    <form
      className="form-section account"
      onSubmit={(event) => void save(event)}
      aria-label={t('settings.account')}
    >
      <h2>{t('settings.account')}</h2>
      <div className="grid-2">
        <TextField
          label={t('settings.customerCode')}
          value={customerCode}
          onChange={setCustomerCode}
        />
        <TextField label={t('settings.apiName')} value={apiName} onChange={setApiName} />
        <KeyField
          label={t('settings.apiKey')}
          value={apiKey}
          onChange={setApiKey}
          isSet={settings.hasApiKey}
        />
        <KeyField
          label={t('settings.trackKey')}
          value={trackKey}
          onChange={setTrackKey}
          isSet={settings.hasTrackKey}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('settings.saveAccount')}
        </button>
      </div>
    </form>
  );
}

interface KeyFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  isSet: boolean;
}

/** A key typed in blind: it says whether one is stored, never what it is. */
function KeyField({ label, value, onChange, isSet }: KeyFieldProps): React.JSX.Element {
  const t = useT();
  return (
    <TextField
      label={label}
      type="password"
      autoComplete="new-password"
      value={value}
      onChange={onChange}
      placeholder={isSet ? t('settings.keySetPlaceholder') : t('settings.keyNotSetPlaceholder')}
      hint={isSet ? t('settings.keySet') : t('settings.keyNotSet')}
    />
  );
}
