/**
 * Reading the built bundles for ways out: every use of an API that sends or receives over the
 * network, runs a string as code, or writes HTML from a string. The code is parsed (acorn), so a
 * method of our own called `fetch` is not taken for the global one, and a URL in an error message
 * is not taken for a request. Used by tests/e2e/build-audit.test.ts on .output/.
 */
import { parse, type Node } from 'acorn';

export type FindingKind = 'network' | 'code-from-string' | 'html-from-string';

export interface Finding {
  kind: FindingKind;
  /** What was found: `fetch`, `new WebSocket`, `.sendBeacon`, `eval`, `.innerHTML =` ... */
  what: string;
  /** A little of the code around it. */
  excerpt: string;
}

/** Globals that reach the network, or load and run code from elsewhere. */
const NETWORK_GLOBALS = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'RTCPeerConnection', 'importScripts', 'Worker', 'SharedWorker']);
/** Members that reach the network whatever they hang off (`navigator.sendBeacon`, `chrome.runtime.connectNative`, `navigator.serviceWorker`). */
const NETWORK_MEMBERS = new Set(['sendBeacon', 'connectNative', 'sendNativeMessage', 'serviceWorker']);
/** Objects whose `fetch` (or other network global) is the global one. */
const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis', 'global']);
const HTML_SINKS = new Set(['innerHTML', 'outerHTML']);
const HTML_METHODS = new Set(['insertAdjacentHTML', 'write', 'writeln', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe']);

type AnyNode = Node & Record<string, unknown>;

function isNode(v: unknown): v is AnyNode {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

function propertyName(member: AnyNode): string | null {
  const p = member.property as AnyNode;
  if (!member.computed && p.type === 'Identifier') return p.name as string;
  if (p.type === 'Literal' && typeof p.value === 'string') return p.value;
  return null;
}

/** Is this identifier a reference to a variable (not a property name, a key or a label)? */
function isReference(node: AnyNode, parent: AnyNode | null): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === node || !!parent.computed;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return parent.value === node || (parent.key === node && !!parent.computed);
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false;
    case 'ImportSpecifier':
    case 'ExportSpecifier':
      return false;
    default:
      return true;
  }
}

/** Names declared anywhere in the file (a minified local called `fetch` is not the global). */
function declaredNames(root: AnyNode): Set<string> {
  const names = new Set<string>();
  const addPattern = (p: unknown): void => {
    if (!isNode(p)) return;
    if (p.type === 'Identifier') names.add(p.name as string);
    else if (p.type === 'ObjectPattern') for (const prop of p.properties as AnyNode[]) addPattern(prop.type === 'RestElement' ? prop.argument : prop.value);
    else if (p.type === 'ArrayPattern') for (const e of p.elements as unknown[]) addPattern(e);
    else if (p.type === 'AssignmentPattern') addPattern(p.left);
    else if (p.type === 'RestElement') addPattern(p.argument);
  };
  walk(root, null, (n) => {
    if (n.type === 'VariableDeclarator') addPattern(n.id);
    else if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') {
      if (n.id) addPattern(n.id);
      for (const p of n.params as unknown[]) addPattern(p);
    } else if (n.type === 'ClassDeclaration' && n.id) addPattern(n.id);
    else if (n.type === 'CatchClause') addPattern(n.param);
    else if (n.type === 'ImportSpecifier' || n.type === 'ImportDefaultSpecifier' || n.type === 'ImportNamespaceSpecifier') addPattern(n.local);
  });
  return names;
}

function walk(node: AnyNode, parent: AnyNode | null, visit: (n: AnyNode, parent: AnyNode | null) => void): void {
  // iterative: bundles are deep enough to matter
  const stack: [AnyNode, AnyNode | null][] = [[node, parent]];
  while (stack.length) {
    const [n, p] = stack.pop()!;
    visit(n, p);
    for (const key of Object.keys(n)) {
      if (key === 'type' || key === 'start' || key === 'end' || key === 'loc') continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) if (isNode(v[i])) stack.push([v[i], n]);
      } else if (isNode(v)) stack.push([v, n]);
    }
  }
}

function parseAny(code: string): AnyNode {
  try {
    return parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as AnyNode;
  } catch {
    return parse(code, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as AnyNode;
  }
}

/** Every network, code-from-string and HTML-from-string use in one bundle's code. */
export function auditBundle(code: string): Finding[] {
  const root = parseAny(code);
  const declared = declaredNames(root);
  const out: Finding[] = [];
  const add = (kind: FindingKind, what: string, n: AnyNode) => out.push({ kind, what, excerpt: code.slice(Math.max(0, n.start - 60), Math.min(code.length, n.end + 60)) });
  walk(root, null, (n, parent) => {
    if (n.type === 'Identifier' && isReference(n, parent) && !declared.has(n.name as string)) {
      const name = n.name as string;
      if (NETWORK_GLOBALS.has(name)) add('network', parent?.type === 'NewExpression' && parent.callee === n ? `new ${name}` : name, n);
      if (name === 'eval') add('code-from-string', name, n);
      // `Function.call.bind(…)` is harmless; calling Function (with or without new) makes code from a string
      if (name === 'Function' && (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === n) add('code-from-string', parent.type === 'NewExpression' ? 'new Function' : 'Function()', n);
    } else if (n.type === 'MemberExpression') {
      const name = propertyName(n);
      if (!name) return;
      const obj = n.object as AnyNode;
      if (NETWORK_MEMBERS.has(name)) add('network', `.${name}`, n);
      else if (obj.type === 'Identifier' && GLOBAL_OBJECTS.has(obj.name as string) && (NETWORK_GLOBALS.has(name) || name === 'eval' || name === 'Function')) add(name === 'eval' || name === 'Function' ? 'code-from-string' : 'network', `${obj.name as string}.${name}`, n);
      else if (HTML_SINKS.has(name) && parent?.type === 'AssignmentExpression' && parent.left === n) add('html-from-string', `.${name} =`, n);
      else if (HTML_METHODS.has(name) && parent?.type === 'CallExpression' && parent.callee === n) add('html-from-string', `.${name}()`, n);
    } else if (n.type === 'CallExpression' || n.type === 'NewExpression') {
      const callee = n.callee as AnyNode;
      const args = n.arguments as AnyNode[];
      const timer = callee.type === 'Identifier' ? (callee.name as string) : callee.type === 'MemberExpression' ? propertyName(callee) : null;
      if ((timer === 'setTimeout' || timer === 'setInterval') && args[0] && (args[0].type === 'Literal' || args[0].type === 'TemplateLiteral')) add('code-from-string', `${timer}(string)`, n);
    } else if (n.type === 'ImportExpression') {
      const source = n.source as AnyNode;
      const literal = source.type === 'Literal' || (source.type === 'TemplateLiteral' && (source.expressions as unknown[]).length === 0);
      if (!literal) add('code-from-string', 'import(expression)', n);
    }
  });
  return out;
}
