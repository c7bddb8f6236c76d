import { describe, expect, it } from 'vitest';
import { compilePatterns, normalisePath } from '../../../src/nextjs';

describe('normalisePath', () => {
  it.each([
    ['/dashboard', '/dashboard', '/dashboard', false],
    ['/Dashboard/', '/Dashboard', '/dashboard', false],
    ['/', '/', '/', false],
    ['/%61dmin', '/admin', '/admin', false],
    ['/%2561dmin', '/admin', '/admin', true],
    ['/admin%2Fx', '/admin/x', '/admin/x', true],
    ['/a/../admin', '/admin', '/admin', true],
    ['/a/%2e%2e/admin', '/admin', '/admin', true],
    ['/admin/%0A', '/admin', '/admin', true],
    ['/ad%E2%80%A8min', '/admin', '/admin', true],
    ['//admin//x', '/admin/x', '/admin/x', true],
    ['/a\\..\\admin', '/admin', '/admin', true],
    ['/%EF%BC%A1DMIN', '/ＡDMIN', '/admin', true],
    ['/_next/data/build/admin/x.json', '/admin/x', '/admin/x', false],
    ['/_next/data/build/index.json', '/', '/', false],
    ['/admin.rsc', '/admin', '/admin', false],
    ['/admin.segments/_tree.segment.rsc', '/admin', '/admin', false],
    ['/index', '/index', '/index', false],
    ['/API/ADMIN.RSC', '/API/ADMIN', '/api/admin', true],
    ['/admin%2Ersc', '/admin', '/admin', true],
    ['/_next/data/build/admin%2Ejson', '/admin', '/admin', true],
    ['/admin%2Esegments/_tree%2Esegment%2Ersc', '/admin', '/admin', true],
    ['/admin%2Ersc%20', '/admin', '/admin', true],
    ['/admin%2Ersc/', '/admin', '/admin', true],
    ['/admin.rsc%00', '/admin', '/admin', true],
    ['/public%2Esegments/..%2Fadmin/x%2Esegment%2Ersc', '/admin/x.segment', '/admin/x.segment', true],
    ['/%C3%A4dmin.rsc', '/ädmin', '/ädmin', false],
    ['/admin%20.rsc', '/admin ', '/admin ', true],
    ['/about%2Esegments/_tree.segment.rsc', '/about', '/about', true],
    ['/%E0%A4%A', '/%E0%A4%A', '/%e0%a4%a', true],
  ])('%j -> path %j, folded %j, ambiguous %s', (raw, path, folded, ambiguous) => {
    expect(normalisePath(raw)).toMatchObject({ path, folded, ambiguous });
  });

  it.each([
    // Next reads `..%2Fx` as one segment under /admin: the proxy must treat it as an admin path.
    ['/admin/..%2Fx', ['/x', '/admin/../x']],
    ['/admin/reports/..%2F..%2Fq', ['/q', '/admin/reports/../../q']],
    // A segment prefetch of /admin whose segment name spells a dot segment.
    ['/admin.segments/..%2Fx.segment.rsc', ['/x.segment', '/admin']],
    // Next's greedy prefetch pattern: the page is everything before the LAST `.segments`.
    ['/about.segments/x/admin.segments/_tree.segment.rsc', ['/about', '/about.segments/x/admin']],
    ['/_next/data/b/index/admin.json', ['/index/admin', '/admin']],
  ])('%j is read every way it can be: %j', (raw, readings) => {
    const read = normalisePath(raw);
    expect([...read.readings].sort()).toEqual([...readings].sort());
    expect(read.ambiguous).toBe(true);
  });

  it.each([
    ['/', '/'],
    ['/about', '/about'],
    ['/blog/post.rsc', '/blog/post'],
    ['/blog/x.segments/__PAGE__.segment.rsc', '/blog/x'],
    ['/_next/data/b/about.json', '/about'],
  ])('%j has one reading, %j, and is not ambiguous', (raw, reading) => {
    expect(normalisePath(raw)).toMatchObject({ readings: [reading], ambiguous: false });
  });
});

describe('compilePatterns', () => {
  const match = compilePatterns(['/', '/blog/*', '/docs/**', '/users/:id/profile'], 'test');
  it.each([
    ['/', true],
    ['/blog/post', true],
    ['/blog', false],
    ['/blog/a/b', false],
    ['/docs', true],
    ['/docs/a/b/c', true],
    ['/docsx', false],
    ['/users/42/profile', true],
    ['/users/42', false],
    ['/Docs', false],
  ])('%s -> %s', (path, expected) => {
    expect(match(path)).toBe(expected);
  });
  it('folds case for protected groups', () => {
    expect(compilePatterns(['/Admin/**'], 'admin.routes', false)('/admin/x')).toBe(true);
  });
  it('never matches nothing-but-everything by accident', () => {
    expect(compilePatterns([], 'x')('/')).toBe(false);
  });
});
