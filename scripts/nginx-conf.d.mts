/** Types of scripts/nginx-conf.mjs (plain JavaScript, run by Node and imported by the tests). */
export declare const COPIED: readonly string[];
export declare function nginxConf(o: { from: string; listen: string; upstreams: string[]; run: string; dist: string; publicDir?: string }): Promise<string>;
