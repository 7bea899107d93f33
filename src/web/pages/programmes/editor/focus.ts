/**
 * Keyboard focus after adding or removing a part of the programme: the first field of what was added,
 * or the "add" button of the list a part was removed from (so that focus is never lost to the page).
 */
export function focusWhenShown(id: string, tries = 10): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element) {
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: 'nearest' });
    } else if (tries > 0) {
      focusWhenShown(id, tries - 1);
    }
  });
}

/** The id of a rule node's fact select, and of a group's "add a condition" button. */
export const ruleFactId = (nodeId: string): string => `rule-${nodeId}-fact`;
export const ruleAddId = (groupId: string): string => `rule-${groupId}-add`;
