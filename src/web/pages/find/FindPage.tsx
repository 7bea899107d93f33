// Scaffold: replaced by the public programme finder in this session's work.
export function FindPage() {
  return null;
}
