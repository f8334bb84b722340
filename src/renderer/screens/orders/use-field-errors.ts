/**
 * Field errors of the order form, in the worker's language, shown only where they help.
 */
import { useT } from '../../i18n/i18n';
import { type FieldError, useOrderFormStore } from '../../stores/order-form-store';

/** Reads a field's error for display: only once touched, or after a submit attempt. */
export function useFieldErrors(): (path: string) => string | null {
  const t = useT();
  const errors = useOrderFormStore((state) => state.errors);
  const touched = useOrderFormStore((state) => state.touched);
  const attempted = useOrderFormStore((state) => state.attempted);
  return (path) => {
    const error: FieldError | undefined = errors[path];
    if (!error || !(attempted || touched.has(path))) return null;
    return t(error.key, error.params);
  };
}
