/**
 * Settings: the account (secrets only ever shown as "set" / "not set"), the server, demo
 * mode, printers and label size, duplicate-print behaviour, sounds, retention, language.
 */
import { useEffect, useState } from 'react';
import { ErrorPresenter } from '../components/error-presenter';
import { Checkbox, SelectField, TextField } from '../components/fields';
import { useT } from '../i18n/i18n';
import { playSound } from '../sounds/play-sound';
import { SettingsPatch, type SettingsView } from '../../shared/contract';
import { usePrinterWatch, useQueueStore } from '../stores/queue-store';
import { useSettingsStore } from '../stores/settings-store';
import { AccountSection } from './settings/account-section';

/** The editable settings as typed; numbers still strings. */
type Draft = Omit<
  SettingsView,
  'hasApiKey' | 'hasTrackKey' | 'customerCode' | 'apiName' | 'language' | 'copies' | 'retentionDays'
> & {
  copies: string;
  retentionDays: string;
};

function draftOf(settings: SettingsView): Draft {
  // The account block and the language switch save themselves.
  const {
    hasApiKey: _k,
    hasTrackKey: _t,
    customerCode: _c,
    apiName: _a,
    language: _l,
    ...rest
  } = settings;
  return {
    ...rest,
    copies: String(settings.copies),
    retentionDays: String(settings.retentionDays),
  };
}

function patchOf(draft: Draft): unknown {
  return { ...draft, copies: Number(draft.copies), retentionDays: Number(draft.retentionDays) };
}

/** Paths of the draft the contract refuses. */
function invalidFields(draft: Draft): Set<string> {
  const parsed = SettingsPatch.safeParse(patchOf(draft));
  return new Set(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.')));
}

/** The Settings screen. */
export function SettingsScreen(): React.JSX.Element {
  const t = useT();
  const settings = useSettingsStore((state) => state.settings);
  const error = useSettingsStore((state) => state.error);
  const load = useSettingsStore((state) => state.load);
  useEffect(() => {
    if (!settings) void load();
  }, [settings, load]);

  return (
    <div className="screen settings-screen">
      <h1>{t('nav.settings')}</h1>
      {error && <ErrorPresenter error={error} />}
      {settings ? <SettingsForm settings={settings} /> : <p>{t('settings.loading')}</p>}
    </div>
  );
}

function SettingsForm({ settings }: { settings: SettingsView }): React.JSX.Element {
  const t = useT();
  const update = useSettingsStore((state) => state.update);
  const saving = useSettingsStore((state) => state.saving);
  const savedAt = useSettingsStore((state) => state.savedAt);
  const [draft, setDraft] = useState(() => draftOf(settings));
  const invalid = invalidFields(draft);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft({ ...draft, [key]: value });
  const problem = (key: keyof Draft) => (invalid.has(key) ? t('settings.invalid') : null);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = SettingsPatch.safeParse(patchOf(draft));
    if (parsed.success) void update(parsed.data);
  };

  return (
    <div className="settings-grid">
      <AccountSection settings={settings} />
      <form className="settings-form" onSubmit={onSubmit} aria-label={t('settings.formLabel')}>
        <ServerSection draft={draft} set={set} />
        <PrintingSection draft={draft} set={set} problem={problem} />
        <fieldset className="form-section">
          <legend>{t('settings.station')}</legend>
          <div className="grid-2">
            <div className="field">
              <Checkbox
                label={t('settings.sounds')}
                checked={draft.sounds}
                onChange={(on) => set('sounds', on)}
              />
              <button type="button" onClick={() => playSound('success')}>
                {t('settings.testSound')}
              </button>
            </div>
            <TextField
              label={t('settings.retentionDays')}
              value={draft.retentionDays}
              inputMode="numeric"
              hint={t('settings.retentionHint')}
              error={problem('retentionDays')}
              onChange={(value) => set('retentionDays', value)}
            />
            <LanguageField />
          </div>
        </fieldset>
        <div className="form-actions">
          {savedAt && !saving && (
            <span role="status" className="good">
              {t('settings.saved')}
            </span>
          )}
          <button type="submit" className="primary big" disabled={saving || invalid.size > 0}>
            {t('settings.save')}
          </button>
        </div>
      </form>
    </div>
  );
}

interface SectionProps {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
}

function ServerSection({ draft, set }: SectionProps): React.JSX.Element {
  const t = useT();
  const plainHttp = /^http:\/\//i.test(draft.baseUrl.trim());
  return (
    <fieldset className="form-section">
      <legend>{t('settings.server')}</legend>
      <TextField
        label={t('settings.baseUrl')}
        type="url"
        value={draft.baseUrl}
        onChange={(value) => set('baseUrl', value)}
        hint={t('settings.baseUrlHint')}
      />
      {plainHttp && (
        <p className="warning-text" role="note">
          {t('settings.plainHttp')}
        </p>
      )}
      <Checkbox
        label={t('settings.demo')}
        hint={t('settings.demoHint')}
        checked={draft.demo}
        onChange={(on) => set('demo', on)}
      />
    </fieldset>
  );
}

const MEDIA = ['4x6in', '100x150mm', '100x100mm'];

/** The printers to choose from; a saved one that is not connected now stays choosable. */
function usePrinterOptions(saved: Array<string | null>): Array<{ value: string; label: string }> {
  const t = useT();
  const printers = useQueueStore((state) => state.printers);
  usePrinterWatch();

  const options = [
    { value: '', label: t('settings.systemDefault') },
    ...printers.map((printer) => ({ value: printer.name, label: printer.name })),
  ];
  // Label and document printer are often the same one: it is offered once.
  for (const name of new Set(saved)) {
    if (name && !printers.some((printer) => printer.name === name)) {
      options.push({ value: name, label: t('settings.printerMissing', { name }) });
    }
  }
  return options;
}

function PrintingSection(
  props: SectionProps & { problem: (key: keyof Draft) => string | null },
): React.JSX.Element {
  const t = useT();
  const { draft, set, problem } = props;
  const printerOptions = usePrinterOptions([draft.labelPrinter, draft.documentPrinter]);
  const media = MEDIA.includes(draft.media) ? MEDIA : [...MEDIA, draft.media];
  const printersError = useQueueStore((state) => state.printersError);

  return (
    <fieldset className="form-section">
      <legend>{t('settings.printing')}</legend>
      {printersError && <ErrorPresenter error={printersError} />}
      <div className="grid-2">
        <SelectField
          label={t('settings.labelPrinter')}
          value={draft.labelPrinter ?? ''}
          options={printerOptions}
          onChange={(value) => set('labelPrinter', value || null)}
        />
        <SelectField
          label={t('settings.documentPrinter')}
          value={draft.documentPrinter ?? ''}
          options={printerOptions}
          onChange={(value) => set('documentPrinter', value || null)}
        />
        <SelectField
          label={t('settings.media')}
          value={draft.media}
          options={media.map((value) => ({ value, label: value }))}
          onChange={(value) => set('media', value)}
        />
        <SelectField
          label={t('settings.orientation')}
          value={draft.orientation}
          options={[
            { value: 'portrait', label: t('settings.portrait') },
            { value: 'landscape', label: t('settings.landscape') },
          ]}
          onChange={(value) => set('orientation', value === 'landscape' ? 'landscape' : 'portrait')}
        />
        <TextField
          label={t('settings.copies')}
          value={draft.copies}
          inputMode="numeric"
          error={problem('copies')}
          onChange={(value) => set('copies', value)}
        />
        <SelectField
          label={t('settings.duplicatePolicy')}
          value={draft.duplicatePolicy}
          options={[
            { value: 'ask', label: t('settings.duplicate.ask') },
            { value: 'warn', label: t('settings.duplicate.warn') },
            { value: 'allow', label: t('settings.duplicate.allow') },
          ]}
          onChange={(value) => set('duplicatePolicy', value as Draft['duplicatePolicy'])}
        />
        <Checkbox
          label={t('settings.mergeBatches')}
          hint={t('settings.mergeHint')}
          checked={draft.mergeBatches}
          onChange={(on) => set('mergeBatches', on)}
        />
      </div>
    </fieldset>
  );
}

function LanguageField(): React.JSX.Element {
  const t = useT();
  const language = useSettingsStore((state) => state.settings?.language ?? 'en');
  const setLanguage = useSettingsStore((state) => state.setLanguage);
  return (
    <SelectField
      label={t('settings.language')}
      value={language}
      hint={t('settings.languageHint')}
      options={[
        { value: 'en', label: t('language.en') },
        { value: 'zh-CN', label: t('language.zh-CN') },
      ]}
      onChange={(value) => void setLanguage(value === 'zh-CN' ? 'zh-CN' : 'en')}
    />
  );
}
