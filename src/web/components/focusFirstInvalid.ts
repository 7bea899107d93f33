/**
 * After a form was rejected, moves keyboard focus to its first invalid field (Mantine marks inputs
 * aria-invalid; radio and checkbox groups carry `data-invalid-group`, see invalidGroup), or else to its
 * first alert, so that the error is announced and in view.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    if (!form) return;
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid-group="true"]');
    // In a group, the option a keyboard user would land on: the chosen one, else the first.
    const target =
      (invalid?.hasAttribute('data-invalid-group')
        ? (invalid.querySelector<HTMLElement>('input:checked') ?? invalid.querySelector<HTMLElement>('input'))
        : invalid) ?? form.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    if (target.getAttribute('role') === 'alert' && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  });
}

/** Props for a Mantine Radio.Group or Checkbox.Group, so that focusFirstInvalid finds it in error. */
export function invalidGroup(error: unknown): { 'data-invalid-group'?: 'true' } {
  return error ? { 'data-invalid-group': 'true' } : {};
}
