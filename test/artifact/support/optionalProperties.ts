import ts from 'typescript';

const ACCEPTS_UNDEFINED = new Set([ts.SyntaxKind.UndefinedKeyword, ts.SyntaxKind.UnknownKeyword, ts.SyntaxKind.AnyKeyword]);

/** Whether a declared type lets a host pass `undefined` explicitly (it names `undefined`, or is `unknown`/`any`). */
function acceptsUndefined(type: ts.TypeNode | undefined): boolean {
  if (!type) return false;
  if (ts.isParenthesizedTypeNode(type)) return acceptsUndefined(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.some(acceptsUndefined);
  return ACCEPTS_UNDEFINED.has(type.kind);
}

/**
 * The optional properties of a declaration file (`name?: T`) whose type does not name `undefined`, as `line name`. A
 * host whose tsconfig has `exactOptionalPropertyTypes` cannot pass such a property a value that may be undefined
 * (`accessToken: session?.token`), a common way to forward an optional setting.
 */
export function optionalWithoutUndefined(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertySignature(node) || ts.isMethodSignature(node)) && node.questionToken) {
      const type = ts.isPropertySignature(node) ? node.type : undefined;
      if (!acceptsUndefined(type)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${line} ${node.name.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
