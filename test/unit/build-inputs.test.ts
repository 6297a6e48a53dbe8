import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInputs } from '../../scripts/build-inputs.mjs';

/** What decides whether a publish may reuse the last `next build` (scripts/build.mjs, ADR 0019). */
describe('the inputs of next build', () => {
  let root = '';
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const setUp = () => {
    root = mkdtempSync(path.join(tmpdir(), 'fm-inputs-'));
    write('app/page.tsx', 'export default function Page() { return null; }\n');
    write('lib/cards/index.ts', 'export const x = 1;\n');
    write('styles/site.scss', 'body { color: black; }\n');
    write('package.json', '{"name":"x"}\n');
    write('next.config.mjs', 'export default {};\n');
    write('content/cards/510-Customer-Service-Mid.md', '---\ntitle: A\n---\n');
    write('content/courses.csv', 'a,b\n');
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('do not include the content: a card edited, added or deleted, or the course list changed, leaves them the same', () => {
    setUp();
    const before = buildInputs(root, {});
    write('README.md', '# changed\n');
    write('content/cards/510-Customer-Service-Mid.md', '---\ntitle: B\n---\n');
    write('content/cards/510-Customer-Focus-Mid.md', '---\ntitle: C\n---\n');
    write('content/courses.csv', 'a,b\n1,2\n');
    expect(buildInputs(root, {})).toEqual(before);
    rmSync(path.join(root, 'content/cards/510-Customer-Service-Mid.md'));
    expect(buildInputs(root, {})).toEqual(before);
  });

  it('include the code, the styles and the configuration: a change to any of them asks for next build', () => {
    setUp();
    const before = buildInputs(root, {}).hash;
    for (const [file, text] of [
      ['lib/cards/index.ts', 'export const x = 2;\n'],
      ['app/page.tsx', 'export default function Page() { return 1; }\n'],
      ['styles/site.scss', 'body { color: navy; }\n'],
      ['next.config.mjs', 'export default { poweredByHeader: false };\n'],
      ['package-lock.json', '{}\n'],
      ['components/New.tsx', 'export {};\n'],
      ['instrumentation.ts', 'export function register() {}\n'],
      ['postcss.config.mjs', 'export default {};\n'],
      ['.env.production', 'NEXT_PUBLIC_X=1\n'],
    ] as const) {
      const previous = buildInputs(root, {}).hash;
      write(file, text);
      const now = buildInputs(root, {}).hash;
      expect(now, file).not.toBe(previous);
      expect(now, file).not.toBe(before);
    }
  });

  it('include Next’s own variables (NEXT_PUBLIC_ ones go into the browser’s code; the output folder, the deployment id), not the server’s settings', () => {
    setUp();
    const before = buildInputs(root, { DATABASE_URL: 'postgres://a', AUTH_SECRET: 'x' }).hash;
    expect(buildInputs(root, { DATABASE_URL: 'postgres://b', AUTH_SECRET: 'y' }).hash).toBe(before);
    expect(buildInputs(root, { NEXT_PUBLIC_BANNER: 'staging' }).hash).not.toBe(before);
    expect(buildInputs(root, { NEXT_DIST_DIR: '.next-e2e' }).hash).not.toBe(before);
    expect(buildInputs(root, { NEXT_DEPLOYMENT_ID: 'v2' }).hash).not.toBe(before);
  });
});
