import { spawnSync } from 'node:child_process';

/**
 * `npm run bench`: every benchmark script in turn, each printing its own figures against its guards. Exits non-zero
 * when a script does (a figure over its guard, or a failure). Pick some with `npm run bench -- components size`.
 */
const all: Record<string, string> = {
  components: 'bench/components.ts',
  size: 'bench/size.ts',
  proxy: 'bench/proxy.ts',
  revocation: 'bench/revocation.ts',
};
const picked = process.argv.slice(2);
const names = picked.length ? picked : Object.keys(all);
let failed = 0;
for (const name of names) {
  const script = all[name];
  if (!script) throw new Error(`Unknown bench "${name}"; known: ${Object.keys(all).join(', ')}.`);
  console.log(`\n== ${name} (${script})`);
  const { status } = spawnSync('npx', ['tsx', script], { stdio: 'inherit' });
  if (status !== 0) {
    failed += 1;
    console.error(`== ${name}: exit ${status}`);
  }
}
process.exitCode = failed ? 1 : 0;
