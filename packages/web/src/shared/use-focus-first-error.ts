import { type RefObject, useEffect, useRef } from "react";

/**
 * After a failed submit, moves the keyboard focus to the first invalid field (or the form's alert),
 * so keyboard and screen-reader users land on what needs fixing.
 */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>) {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    const form = formRef.current;
    if (!form) return;
    const target = form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  });
  return () => {
    pending.current = true;
  };
}
