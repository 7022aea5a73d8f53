/**
 * Finds words written straight into the wallet's UI code instead of through the browser's i18n
 * (lib/i18n/t.ts): text between JSX tags, text in the attributes a person reads or hears
 * (aria-label, title, placeholder, alt, label), and prose in string literals (two or more words)
 * inside JSX or in the modules that compose UI text. What it reports is what a translator could
 * not reach without touching code.
 */
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
/** A letter, in any script. */
const WORDY = /\p{L}/u;
/** Two words: what a sentence, a label or a message has and an identifier, a class list or a key rarely has. */
const PROSE = /\p{L}[\p{L}'’.,:;!?)]*\s+[\p{L}($<“"'‘]/u;
/** Strings that are code, not words: CSS classes and values, MIME types, property paths. */
const CODE_ATTRIBUTES = new Set(['className', 'class', 'id', 'htmlFor', 'type', 'name', 'role', 'autoComplete', 'inputMode', 'accept', 'href', 'rel', 'target', 'lang', 'dir', 'pattern', 'method', 'key', 'data-testid', 'style', 'viewBox', 'd', 'fill', 'stroke', 'transform', 'preserveAspectRatio', 'xmlns']);

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function insideJsx(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isJsxAttribute(at)) return !CODE_ATTRIBUTES.has(at.name.getText());
    if (ts.isJsxExpression(at) && at.parent && (ts.isJsxElement(at.parent) || ts.isJsxFragment(at.parent))) return true;
    if (ts.isFunctionLike(at) || ts.isSourceFile(at)) return false;
  }
  return false;
}

/** Calls whose string arguments are not UI text: errors for developers, logs, the i18n lookup itself. */
function inExemptCall(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at && !ts.isFunctionLike(at); at = at.parent) {
    if (ts.isCallExpression(at) || ts.isNewExpression(at)) {
      const callee = at.expression.getText();
      if (/^(t|console\.\w+|Error|TypeError|RangeError|DOMException|.*\.querySelector(All)?|.*\.matches|.*\.closest|.*\.getItem|.*\.setItem|fetch|call)$/.test(callee)) return true;
    }
  }
  return false;
}

/** @param proseAnywhere also report prose string literals outside JSX (the modules that compose UI text). */
export function findUiText(fileName: string, code: string, proseAnywhere: boolean): Finding[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => found.push({ file: fileName, line: lineOf(source, node), text: text.trim().slice(0, 80) });
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORDY.test(node.text)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && WORDY.test(node.initializer.text)) report(node, node.initializer.text);
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isJsxAttribute(node.parent) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent) && !ts.isLiteralTypeNode(node.parent)) {
      const isKey = ts.isPropertyAssignment(node.parent) && node.parent.name === node;
      if (!isKey && PROSE.test(node.text) && !inExemptCall(node) && (proseAnywhere || insideJsx(node))) report(node, node.text);
    } else if (ts.isTemplateExpression(node) && !inExemptCall(node) && (proseAnywhere || insideJsx(node))) {
      const words = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
      if (PROSE.test(words)) report(node, words);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
