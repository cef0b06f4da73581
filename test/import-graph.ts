import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import graph of src/, read with the TypeScript compiler's parser: one node per file (tests
 * and declaration files left out), one edge per relative import or re-export.
 *
 * A type-only import (`import type`, or only `type` names) loads nothing, so one that goes through
 * a module's public entry is an edge to the files that declare the names, not to the entry: the
 * audit module may name auth's Organisation as a type while auth's services use audit's `audited`.
 * Every other import of an entry loads all of it, and is an edge to the entry itself.
 */
/** `to`: the file depended on; `written`: the file the specifier names (a public entry, for a type-only import through one). */
export type Edge = { to: string; written: string; typeOnly: boolean };
export type ImportGraph = Map<string, Edge[]>;

export const SRC = path.resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') ? [file] : [];
  });
}

function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

type Import = { specifier: string; typeOnly: boolean; names: string[] };

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports: Import[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      imports.push({ specifier: statement.moduleSpecifier.text, typeOnly, names: named?.map((e) => (e.propertyName ?? e.name).text) ?? [] });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const named = statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements : undefined;
      imports.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly, names: named?.map((e) => (e.propertyName ?? e.name).text) ?? [] });
    }
  }
  return imports.filter((i) => i.specifier.startsWith('.'));
}

/** A module's public entry: src/modules/<name>/index.ts. */
export const isPublicEntry = (file: string) => /^modules\/[^/]+\/index\.ts$/.test(path.relative(SRC, file));

/** The file an entry takes `name` from, when it re-exports it by name. */
function declaringFile(entry: string, name: string): string | undefined {
  const from = importsOf(entry).find((i) => i.names.includes(name));
  return from && resolve(entry, from.specifier);
}

export function importGraph(root = SRC): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root)) {
    const edges: Edge[] = [];
    for (const i of importsOf(file)) {
      const target = resolve(file, i.specifier);
      if (!target) continue;
      if (i.typeOnly && isPublicEntry(target) && i.names.length > 0) {
        for (const name of i.names) edges.push({ to: declaringFile(target, name) ?? target, written: target, typeOnly: true });
      } else edges.push({ to: target, written: target, typeOnly: i.typeOnly });
    }
    graph.set(file, edges);
  }
  return graph;
}

/** The graph's cycles: its strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly { to: string }[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const { to } of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).some((e) => e.to === node)) found.push(component.reverse());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}
