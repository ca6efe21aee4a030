/** The trimmed text values of named form fields (passwords are left as typed). */
export function formValues<Name extends string>(form: HTMLFormElement, names: Name[]): Record<Name, string> {
  const data = new FormData(form);
  const values = {} as Record<Name, string>;
  for (const name of names) {
    const raw = data.get(name);
    const text = typeof raw === 'string' ? raw : '';
    values[name] = name.toLowerCase().includes('password') ? text : text.trim();
  }
  return values;
}

/** Only same-site paths are followed after login, never another site's address. */
export function safeReturnPath(next: string | undefined): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

/** "?next=…" to carry a return path from one account screen to the other (login ↔ sign-up). */
export function returnPathQuery(next: string | undefined): string {
  const path = safeReturnPath(next);
  return path ? `?next=${encodeURIComponent(path)}` : '';
}
