import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { externalizeFlight } from '@/lib/pages/flight';

const page = [
  '<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><main>Cards</main>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n0:{\\"x\\":\\"a)\\u003c/script\\u003e\\"}\\n"])</script>',
  '<script>self.__next_f.push([1,"2:null\\n"])</script>',
  '</body></html>',
].join('');

/** What the page's scripts leave in `self.__next_f`, run in order. */
function pushes(scripts: readonly string[]): unknown[] {
  const self: { __next_f?: unknown[] } = {};
  for (const script of scripts) runInNewContext(script, { self });
  return self.__next_f ?? [];
}

describe('the prerendered pages’ payload moves to a script file', () => {
  it('replaces the inline payload scripts with one script at the end of the body (not deferred: Next closes the stream once parsing ends) whose code pushes the same data in the same order', () => {
    const files: Record<string, string> = {};
    const out = externalizeFlight(page, (name, js) => (files[name] = js));
    const names = Object.keys(files);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^flight\/[\w-]{20}\.js$/u);
    expect(out).toContain(`<script src="/_next/static/${names[0]}"></script></body>`);
    expect(out).not.toContain('__next_f');
    // Other inline scripts (Turbopack's chunk list) and everything else are left as they were.
    expect(out).toContain('<script id="_R_">(globalThis["TURBOPACK"]');
    expect(out).toContain('<main>Cards</main>');
    const inline = [...page.matchAll(/<script>([\s\S]*?)<\/script>/gu)].map((m) => m[1]!);
    expect(pushes([files[names[0]!]!])).toEqual(pushes(inline));
    expect(pushes(inline)).toHaveLength(3);
  });

  it('names the file by its content, and leaves a page without a payload alone', () => {
    const a: string[] = [];
    const b: string[] = [];
    externalizeFlight(page, (name) => a.push(name));
    externalizeFlight(page.replace('2:null', '2:true'), (name) => b.push(name));
    expect(a[0]).not.toBe(b[0]);
    const plain = '<html><body><script>alert(1)</script></body></html>';
    expect(externalizeFlight(plain, () => expect.unreachable())).toBe(plain);
  });
});
