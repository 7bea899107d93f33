// Scaffold: replaced by the full screen in this session's work on the inventory.
export function ProgrammesPage() {
  return null;
}
