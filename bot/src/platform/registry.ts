/** What one part of the app (the platform, a feature) registers under names. */
export interface Registration<T> {
  owner: string;
  entries?: Readonly<Record<string, T>>;
}

/** One name → entry map from what each part registers; a name taken twice fails at start. */
export function registry<T>(registrations: readonly Registration<T>[]): Map<string, T> {
  const entries = new Map<string, T>();
  const owners = new Map<string, string>();
  for (const { owner, entries: named = {} } of registrations) {
    for (const [name, entry] of Object.entries(named)) {
      const first = owners.get(name);
      if (first !== undefined)
        throw new Error(`"${name}" is registered by both ${first} and ${owner}`);
      owners.set(name, owner);
      entries.set(name, entry);
    }
  }
  return entries;
}
