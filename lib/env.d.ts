/** Build flags that wxt.config.ts defines. */
interface ImportMetaEnv {
  /** True only in the diagnostics build (`wxt build --mode diagnostics`), which the bench runs. */
  readonly BYOK_DIAGNOSTICS: boolean;
}
