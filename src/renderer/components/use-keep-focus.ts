/**
 * Keeps a scan input focused: a scanner types wherever focus is, so focus must come back
 * to the input after every action, when the window regains focus, and after a click
 * anywhere but another field or an open dialog.
 */
import { useEffect } from 'react';

function takesTyping(element: Element | null): boolean {
  if (!element) return false;
  if (element.closest('[role="dialog"]')) return true;
  return element.matches('input, textarea, select, [contenteditable="true"]');
}

/** Refocuses `ref` whenever focus drifts to nothing or a click lands outside fields. */
export function useKeepFocus(ref: React.RefObject<HTMLInputElement | null>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const focus = () => {
      if (!document.querySelector('[role="dialog"]')) ref.current?.focus({ preventScroll: true });
    };
    const onClick = (event: MouseEvent) => {
      if (!takesTyping(event.target as Element | null)) focus();
    };
    // Blur happens before the new element is focused: look once the move has settled.
    const onFocusOut = () => {
      setTimeout(() => {
        const now = document.activeElement;
        if (!now || now === document.body) focus();
      }, 0);
    };

    focus();
    const input = ref.current;
    window.addEventListener('focus', focus);
    document.addEventListener('click', onClick);
    input?.addEventListener('focusout', onFocusOut);
    return () => {
      window.removeEventListener('focus', focus);
      document.removeEventListener('click', onClick);
      input?.removeEventListener('focusout', onFocusOut);
    };
  }, [ref, active]);
}
