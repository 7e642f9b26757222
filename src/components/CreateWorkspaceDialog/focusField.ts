import { useCallback, useRef } from 'react';

/*
 * Fields differ in where their focusable element sits: a radio group's chosen button,
 * a text box (after a list's remove buttons), or a drop-down's button beside a hidden
 * native input. Looking inside a wrapper finds each without every field type having
 * to hand out a ref.
 */
const PREFERRED_CONTROLS = [
  'input:checked',
  'input:not([type="hidden"]):not([tabindex="-1"]):not([aria-hidden="true"]), textarea:not([tabindex="-1"]):not([aria-hidden="true"])',
  '[tabindex="0"]',
];

/**
 * Focuses the control a user types into or picks with inside `container`; false when
 * there is none.
 *
 * @public
 */
export function focusFirstControl(container: Element): boolean {
  for (const selector of PREFERRED_CONTROLS) {
    const control = container.querySelector<HTMLElement>(selector);
    if (control) {
      control.focus();
      return true;
    }
  }
  return false;
}

/**
 * Wrappers for a form's fields by key, and a way to focus one: `fieldRef(key)` goes on
 * the element around the field, `focusField(key)` focuses its control.
 *
 * @public
 */
export function useFieldFocus() {
  const wrappers = useRef(new Map<string, HTMLElement>());
  const refs = useRef(new Map<string, (element: HTMLElement | null) => void>());
  // One callback per key, so React does not detach and re-attach it on every render.
  const fieldRef = useCallback((key: string) => {
    let ref = refs.current.get(key);
    if (!ref) {
      ref = element => {
        if (element) wrappers.current.set(key, element);
        else wrappers.current.delete(key);
      };
      refs.current.set(key, ref);
    }
    return ref;
  }, []);
  const focusField = useCallback((key: string) => {
    const wrapper = wrappers.current.get(key);
    return wrapper ? focusFirstControl(wrapper) : false;
  }, []);
  return { fieldRef, focusField };
}
