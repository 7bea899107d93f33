/**
 * After a form was rejected, moves keyboard focus to its first invalid field (Mantine marks them
 * aria-invalid), or else to its first alert, so that the error is announced and in view.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    if (!form) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    if (target.getAttribute('role') === 'alert' && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  });
}
