/** One name → handler map from what each feature registers; a name taken twice fails at start. */
export function registry<T>(...registrations: Readonly<Record<string, T>>[]): Map<string, T> {
  const entries = new Map<string, T>();
  for (const [name, handler] of registrations.flatMap((r) => Object.entries(r))) {
    if (entries.has(name)) throw new Error(`"${name}" is registered by two features`);
    entries.set(name, handler);
  }
  return entries;
}
