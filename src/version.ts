/** The package version, also the instrumentation scope version. @public */
export const VERSION = '0.1.0';
