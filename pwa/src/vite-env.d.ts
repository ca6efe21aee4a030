interface ImportMetaEnv {
  /** The office's phone number (E.164) shown to customers, e.g. on the booking page. */
  readonly VITE_OFFICE_PHONE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
