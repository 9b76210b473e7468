/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The API's base URL, baked in at build time. Without it: `/config.json`'s `apiUrl`, else `/api`. */
  readonly VITE_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
