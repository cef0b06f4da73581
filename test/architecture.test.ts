import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { cycles, importGraph, isPublicEntry, SRC } from './import-graph';

/**
 * The layout's rules (docs/modules.md, "Boundaries"), checked on the import graph of src/:
 * no cycles, a kernel that imports only itself, and modules that reach each other only through
 * their public entries.
 */
const graph = importGraph();
const rel = (file: string) => path.relative(SRC, file);
const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(rel(file))?.[1];
const isModuleFile = (file: string) => /^modules\/([^/]+)\/\1\.module\.ts$/.test(rel(file));
/** Every import as written: a type-only one through a public entry names the entry. */
const imports = [...graph].flatMap(([from, edges]) => edges.map((edge) => ({ from, to: edge.written })));

describe('import graph of src/', () => {
  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(imports.length).toBeGreaterThan(graph.size);
  });

  it('finds the cycles of a graph that has some', () => {
    const edges = (...to: string[]) => to.map((t) => ({ to: t }));
    const sample = new Map([['a', edges('b')], ['b', edges('c')], ['c', edges('a')], ['d', edges('a', 'd')], ['e', edges()]]);
    expect(cycles(sample)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(cycles(graph).map((cycle) => cycle.map(rel))).toEqual([]);
  });

  it('keeps the kernel free of everything outside it', () => {
    const leaving = imports.filter(({ from, to }) => rel(from).startsWith('kernel/') && !rel(to).startsWith('kernel/'));
    expect(leaving.map(({ from, to }) => `${rel(from)} -> ${rel(to)}`)).toEqual([]);
  });

  it("reaches a module's files only from inside it, through its public entry, or (its module file) from the list", () => {
    const allowed = ({ from, to }: { from: string; to: string }) => {
      const target = moduleOf(to);
      if (!target || moduleOf(from) === target || isPublicEntry(to)) return true;
      return rel(from) === 'modules/index.ts' && isModuleFile(to);
    };
    expect(imports.filter((i) => !allowed(i)).map(({ from, to }) => `${rel(from)} -> ${rel(to)}`)).toEqual([]);
  });

  it('has public entries that only re-export their own files by name', () => {
    const entries = [...graph.keys()].filter(isPublicEntry);
    expect(entries.length).toBeGreaterThan(0);
    const strays = entries.flatMap((entry) => {
      const source = ts.createSourceFile(entry, readFileSync(entry, 'utf8'), ts.ScriptTarget.Latest);
      return source.statements
        .filter((s) => !(ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text.startsWith('./')))
        .map((s) => `${rel(entry)}: ${s.getText(source)}`);
    });
    expect(strays).toEqual([]);
  });
});
