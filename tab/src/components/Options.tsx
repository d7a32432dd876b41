/** The choices of a Select, in order. */
export function Options({ items }: { items: readonly { id: string; label: string }[] }) {
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.label}
    </option>
  ));
}
