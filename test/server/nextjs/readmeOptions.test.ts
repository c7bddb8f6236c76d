import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const optionsFile = `${root}src/nextjs/options.ts`;
const TABLE_HEADING = '### `sessionProxy` options';

/**
 * Every option name of `SessionProxyOptions`, read from its declaration by the TypeScript checker: nested option
 * objects declared in the kit (`rateLimit`, `maxAuthAge`, `revocation`, `admin`, `revocation.verifyWithClerk`)
 * give dotted names, inherited members included. Objects the user hands over for their behaviour (a limiter, a
 * revocation list: interfaces of methods only) and Clerk's own `clerkMiddleware` options are one option each.
 */
function declaredOptions(): string[] {
  const program = ts.createProgram([optionsFile], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(optionsFile);
  const declaration = source?.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'SessionProxyOptions',
  );
  if (!declaration) throw new Error('SessionProxyOptions not found in src/nextjs/options.ts');

  const isKitOptionObject = (type: ts.Type) => {
    const declarations = type.getSymbol()?.getDeclarations() ?? [];
    return (
      declarations.length > 0 &&
      declarations.every(
        (d) =>
          ts.isInterfaceDeclaration(d) &&
          d.getSourceFile().fileName.startsWith(`${root}src/`) &&
          !d.members.some(ts.isMethodSignature),
      )
    );
  };
  const nestedObjects = (type: ts.Type): ts.Type[] =>
    (type.isUnion() ? type.types : [type]).flatMap((member) => {
      if (checker.isArrayType(member))
        return checker.getTypeArguments(member as ts.TypeReference).flatMap(nestedObjects);
      return isKitOptionObject(member) ? [member] : [];
    });
  const collect = (type: ts.Type, prefix: string): string[] =>
    checker.getPropertiesOfType(type).flatMap((property) => {
      const name = `${prefix}${property.name}`;
      const propertyType = checker.getNonNullableType(checker.getTypeOfSymbol(property));
      return [name, ...nestedObjects(propertyType).flatMap((nested) => collect(nested, `${name}.`))];
    });
  return [...new Set(collect(checker.getTypeAtLocation(declaration), ''))];
}

/** The option names in the first column of the README's `sessionProxy` options table. */
function documentedOptions(): string[] {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const start = readme.indexOf(TABLE_HEADING);
  if (start === -1) throw new Error(`README.md has no "${TABLE_HEADING}" section`);
  const section = readme.slice(start + TABLE_HEADING.length).split(/\n#{1,3} /)[0] ?? '';
  return section
    .split('\n')
    .map((line) => /^\|\s*`([\w.]+)`\s*\|/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('README sessionProxy options table', () => {
  const declared = declaredOptions();
  const documented = documentedOptions();

  it('reads the options from the source (nested ones included)', () => {
    // A guard on the reader itself: a broken walk that found nothing would make the next tests pass vacuously.
    expect(declared).toEqual(expect.arrayContaining(['publicRoutes', 'rateLimit.timeoutMs', 'admin.role']));
    console.info(`sessionProxy options checked against the README: ${declared.length}`);
  });

  it('has a row for every option of SessionProxyOptions', () => {
    expect(declared.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('has no row for an option that does not exist', () => {
    expect(documented.filter((name) => !declared.includes(name))).toEqual([]);
  });
});
