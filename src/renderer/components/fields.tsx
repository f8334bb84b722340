/**
 * Labelled form fields with their error under them, linked for screen readers
 * (`aria-describedby`, `aria-invalid`).
 */
import { useId } from 'react';

interface FieldShellProps {
  label: string;
  error?: string | null;
  hint?: string;
  className?: string;
  children: (ids: ShellIds) => React.ReactNode;
}

/** The label, the control and its error or hint text. */
export function FieldShell({
  label,
  error,
  hint,
  className,
  children,
}: FieldShellProps): React.JSX.Element {
  const inputId = useId();
  const noteId = useId();
  const note = error ?? hint;
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {children({ inputId, describedBy: note ? noteId : undefined })}
      {note && (
        <span id={noteId} className={error ? 'field-error' : 'field-hint'}>
          {note}
        </span>
      )}
    </div>
  );
}

/** What every labelled control takes: its label, value, notes and the events it reports. */
interface ControlProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | null;
  hint?: string;
  disabled?: boolean;
  className?: string;
}

type ShellIds = { inputId: string; describedBy: string | undefined };

/** The attributes an input and a select share, linking them to their label and note. */
function controlAttributes(props: ControlProps, ids: ShellIds) {
  return {
    id: ids.inputId,
    value: props.value,
    disabled: props.disabled,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': ids.describedBy,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      props.onChange(event.target.value),
    onBlur: props.onBlur,
  };
}

interface TextFieldProps extends ControlProps {
  type?: 'text' | 'password' | 'number' | 'email' | 'tel' | 'url';
  placeholder?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  autoComplete?: string;
}

/** A labelled text input. */
export function TextField(props: TextFieldProps): React.JSX.Element {
  return (
    <FieldShell {...props}>
      {(ids) => (
        <input
          {...controlAttributes(props, ids)}
          type={props.type ?? 'text'}
          placeholder={props.placeholder}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
        />
      )}
    </FieldShell>
  );
}

interface SelectFieldProps extends ControlProps {
  options: Array<{ value: string; label: string }>;
}

/** A labelled select. */
export function SelectField(props: SelectFieldProps): React.JSX.Element {
  return (
    <FieldShell {...props}>
      {(ids) => (
        <select {...controlAttributes(props, ids)}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

/** A labelled checkbox. */
export function Checkbox({ label, checked, onChange, hint }: CheckboxProps): React.JSX.Element {
  const hintId = useId();
  return (
    <div className="checkbox">
      <label>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
