// The product's name, version and fixed ports, each stated once. The version is package.json's,
// read at build time by every bundler we use (tsx, vitest, esbuild, vite), so a release bump is
// one edit.
import { version } from '../../../package.json';

export const PRODUCT_NAME = 'hotpair';
export const PRODUCT_VERSION: string = version;

/** Where `hotpair monitor` and the app's monitor receive syslog unless told otherwise (514 needs privileges). */
export const DEFAULT_SYSLOG_PORT = 5514;
