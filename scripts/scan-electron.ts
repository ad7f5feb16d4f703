/**
 * A static Electron security checklist for Claimbench, after Electron's own security checklist and
 * Doyensec's Electronegativity checks. It reads the shell's sources (electron/**) and the built
 * bundles (out/main, out/preload, out/renderer/index.html) and reports findings by severity.
 *
 *   npx tsx scripts/scan-electron.ts [projectRoot]     exits 1 when a HIGH finding is present
 *
 * Why our own and not Electronegativity: 1.10 fetches Electron's release list and translations
 * from the network on every run (offline it waits on timeouts), and it cannot see through
 * `webPreferences: secureWebPreferences(...)`, so it reports a HIGH contextIsolation finding on a
 * window that has it. This scanner knows where our window options live and checks them there.
 * docs/security.md lists every check and the test that proves the behaviour behind it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type Severity = 'HIGH' | 'MEDIUM';

export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  message: string;
}

/** Each checklist item: its id, what it guards, and the severity when it fails. */
export const CHECKS = {
  NODE_INTEGRATION: 'nodeIntegration (and in workers/subframes) is never enabled',
  CONTEXT_ISOLATION: 'contextIsolation is never disabled, and set explicitly wherever webPreferences are written',
  SANDBOX: 'sandbox is never disabled, and set explicitly wherever webPreferences are written',
  WEB_SECURITY: 'webSecurity is never disabled',
  INSECURE_CONTENT: 'allowRunningInsecureContent is never enabled',
  EXPERIMENTAL_FEATURES: 'experimentalFeatures is never enabled',
  BLINK_FEATURES: 'enableBlinkFeatures is never used',
  WEBVIEW: 'webviewTag is never enabled, no <webview> in the page, will-attach-webview is refused',
  REMOTE_MODULE: 'the remote module is never used',
  EXPOSED_IPC: 'the preload never exposes ipcRenderer itself',
  PERMISSIONS: 'every session has a permission request handler',
  NAVIGATION: 'will-navigate is handled (navigation limited to the app)',
  WINDOW_OPEN: 'setWindowOpenHandler is set (no new windows); the deprecated new-window event is not used',
  OPEN_EXTERNAL: 'shell.openExternal is only called with a URL checked by isSafeExternalUrl / externalUrlForRequest',
  CSP: 'a Content-Security-Policy is in the page and sent as a header, without unsafe-eval or inline scripts',
  INSECURE_PROTOCOL: 'nothing is loaded over http: (except the loopback dev server), no TLS or sandbox weakening switches',
  IPC_SENDER: 'the IPC handler checks the sender frame',
} as const;
export type CheckId = keyof typeof CHECKS;

const SEVERITY: Record<CheckId, Severity> = {
  NODE_INTEGRATION: 'HIGH',
  CONTEXT_ISOLATION: 'HIGH',
  SANDBOX: 'HIGH',
  WEB_SECURITY: 'HIGH',
  INSECURE_CONTENT: 'HIGH',
  EXPERIMENTAL_FEATURES: 'HIGH',
  BLINK_FEATURES: 'HIGH',
  WEBVIEW: 'HIGH',
  REMOTE_MODULE: 'HIGH',
  EXPOSED_IPC: 'HIGH',
  PERMISSIONS: 'HIGH',
  NAVIGATION: 'HIGH',
  WINDOW_OPEN: 'HIGH',
  OPEN_EXTERNAL: 'HIGH',
  CSP: 'HIGH',
  INSECURE_PROTOCOL: 'HIGH',
  IPC_SENDER: 'HIGH',
};

const URL_VALIDATORS = ['isSafeExternalUrl', 'externalUrlForRequest'];
const DANGEROUS_SWITCHES = [
  'disable-web-security',
  'ignore-certificate-errors',
  'allow-insecure-localhost',
  'no-sandbox',
  'disable-site-isolation-trials',
  'allow-running-insecure-content',
];
const PREFERENCE_KEYS = ['contextIsolation', 'sandbox', 'nodeIntegration'];

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

function literalBoolean(node: ts.Expression): boolean | undefined {
  const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
  if (inner.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (inner.kind === ts.SyntaxKind.FalseKeyword) return false;
  // Minifiers write !0 / !1.
  if (
    ts.isPrefixUnaryExpression(inner) &&
    inner.operator === ts.SyntaxKind.ExclamationToken &&
    ts.isNumericLiteral(inner.operand)
  ) {
    return inner.operand.text === '0';
  }
  return undefined;
}

function calleeName(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function enclosingFunction(node: ts.Node): ts.Node {
  let n: ts.Node | undefined = node.parent;
  while (n && !ts.isFunctionLike(n) && !ts.isSourceFile(n)) n = n.parent;
  return n ?? node.getSourceFile();
}

function isLoopbackHttp(text: string): boolean {
  return /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(\/|$)/.test(text);
}

/** What one file uses, for the project-level presence checks. */
export interface FileFacts {
  calls: Set<string>;
  strings: Set<string>;
  fullWebPreferences: boolean;
}

/** Scan one JavaScript or TypeScript file: the findings in it, and the facts for the project checks. */
export function scanScript(
  text: string,
  file: string,
  { sourceChecks = true }: { sourceChecks?: boolean } = {},
): {
  findings: Finding[];
  facts: FileFacts;
} {
  const kind = file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const facts: FileFacts = { calls: new Set(), strings: new Set(), fullWebPreferences: false };
  const add = (rule: CheckId, node: ts.Node, message: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    findings.push({ rule, severity: SEVERITY[rule], file, line, message });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) checkObject(node);
    if (ts.isPropertyAssignment(node)) checkProperty(node);
    if (ts.isCallExpression(node)) checkCall(node);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      facts.strings.add(node.text);
      if (sourceChecks && /^http:\/\//i.test(node.text) && !isLoopbackHttp(node.text)) {
        add('INSECURE_PROTOCOL', node, `an http: URL (${node.text.slice(0, 60)}); use https:`);
      }
      if (node.text === '@electron/remote' || node.text === '@electron/remote/main')
        add('REMOTE_MODULE', node, 'imports @electron/remote');
    }
    ts.forEachChild(node, visit);
  };

  const checkProperty = (p: ts.PropertyAssignment) => {
    const name = propertyName(p.name);
    if (!name) return;
    const value = literalBoolean(p.initializer);
    if (/^nodeIntegration(InWorker|InSubFrames)?$/.test(name) && value === true) add('NODE_INTEGRATION', p, `${name}: true`);
    if (name === 'contextIsolation' && value === false) add('CONTEXT_ISOLATION', p, 'contextIsolation: false');
    if (name === 'sandbox' && value === false) add('SANDBOX', p, 'sandbox: false');
    if (name === 'webSecurity' && value === false) add('WEB_SECURITY', p, 'webSecurity: false');
    if (name === 'allowRunningInsecureContent' && value === true) add('INSECURE_CONTENT', p, 'allowRunningInsecureContent: true');
    if (name === 'experimentalFeatures' && value === true) add('EXPERIMENTAL_FEATURES', p, 'experimentalFeatures: true');
    if (name === 'enableBlinkFeatures') add('BLINK_FEATURES', p, 'enableBlinkFeatures is set');
    if (name === 'webviewTag' && value === true) add('WEBVIEW', p, 'webviewTag: true');
    if (name === 'enableRemoteModule' && value === true) add('REMOTE_MODULE', p, 'enableRemoteModule: true');
  };

  /** An object that sets any of the three key preferences must set all three, securely. */
  const checkObject = (o: ts.ObjectLiteralExpression) => {
    const set = new Map<string, boolean | undefined>();
    for (const p of o.properties) {
      if (ts.isPropertyAssignment(p)) {
        const name = propertyName(p.name);
        if (name && PREFERENCE_KEYS.includes(name)) set.set(name, literalBoolean(p.initializer));
      }
    }
    if (set.size < 2) return;
    if (set.get('contextIsolation') === true && set.get('sandbox') === true && set.get('nodeIntegration') === false) {
      facts.fullWebPreferences = true;
      return;
    }
    if (set.get('contextIsolation') !== true && set.get('contextIsolation') !== false) {
      add('CONTEXT_ISOLATION', o, 'webPreferences without an explicit contextIsolation: true');
    }
    if (set.get('sandbox') !== true && set.get('sandbox') !== false)
      add('SANDBOX', o, 'webPreferences without an explicit sandbox: true');
    if (!set.has('nodeIntegration')) add('NODE_INTEGRATION', o, 'webPreferences without an explicit nodeIntegration: false');
  };

  const checkCall = (call: ts.CallExpression) => {
    const name = calleeName(call);
    if (!name) return;
    facts.calls.add(name);
    const first = call.arguments[0];
    if (name === 'appendSwitch' && first && ts.isStringLiteral(first) && DANGEROUS_SWITCHES.includes(first.text)) {
      add('INSECURE_PROTOCOL', call, `app.commandLine.appendSwitch('${first.text}')`);
    }
    if (name === 'on' && first && ts.isStringLiteral(first)) {
      facts.calls.add(`on:${first.text}`);
      if (first.text === 'new-window') add('WINDOW_OPEN', call, "the deprecated 'new-window' event; use setWindowOpenHandler");
      if (first.text === 'certificate-error')
        add('INSECURE_PROTOCOL', call, "a 'certificate-error' handler (never trust a bad certificate)");
    }
    if (name === 'setCertificateVerifyProc') add('INSECURE_PROTOCOL', call, 'a custom certificate verifier');
    if (
      (name === 'loadURL' || name === 'openExternal') &&
      first &&
      ts.isStringLiteral(first) &&
      /^http:/i.test(first.text) &&
      !isLoopbackHttp(first.text)
    ) {
      add('INSECURE_PROTOCOL', call, `${name} of an http: URL`);
    }
    if (name === 'exposeInMainWorld') {
      const exposed = call.arguments[1];
      const leaks = (n: ts.Node): boolean =>
        (ts.isIdentifier(n) && n.text === 'ipcRenderer' && !ts.isPropertyAccessExpression(n.parent)) ||
        ts.forEachChild(n, leaks) === true;
      if (exposed && ts.isIdentifier(exposed) && exposed.text === 'ipcRenderer')
        add('EXPOSED_IPC', call, 'exposes ipcRenderer to the page');
      else if (
        exposed &&
        ts.isObjectLiteralExpression(exposed) &&
        exposed.properties.some((p) => ts.isPropertyAssignment(p) && leaks(p.initializer) && ts.isIdentifier(p.initializer))
      ) {
        add('EXPOSED_IPC', call, 'exposes ipcRenderer as a property');
      }
    }
    if (name === 'openExternal') {
      const scope = enclosingFunction(call);
      const checked = URL_VALIDATORS.some((v) => scope.getText(source).includes(v));
      if (!checked)
        add(
          'OPEN_EXTERNAL',
          call,
          'shell.openExternal with a URL that was not checked by isSafeExternalUrl in the same function',
        );
    }
  };

  visit(source);
  return { findings, facts };
}

/** The CSP meta tag of the built page, and what is wrong with it. */
export function checkCspPolicy(policy: string | undefined, where: string): string[] {
  if (!policy) return [`no Content-Security-Policy in ${where}`];
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!.toLowerCase(), parts.slice(1)] as const),
  );
  const problems: string[] = [];
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  if (!directives.has('default-src')) problems.push(`${where}: the policy has no default-src`);
  if (!scripts) problems.push(`${where}: the policy does not restrict scripts`);
  if (scripts?.some((s) => ["'unsafe-eval'", "'unsafe-inline'", '*', 'http:', 'https:', 'data:'].includes(s))) {
    problems.push(`${where}: script-src allows ${scripts.join(' ')}`);
  }
  if (!directives.has('object-src') && directives.get('default-src')?.join(' ') !== "'none'") {
    problems.push(`${where}: object-src is not restricted`);
  }
  return problems;
}

export function cspFromHtml(html: string): string | undefined {
  // Whole tags, with quoted attribute values that may hold '>' or the other quote.
  const tags = html.match(/<meta\b(?:"[^"]*"|'[^']*'|[^'">])*>/gi) ?? [];
  const meta = tags.find((t) => /http-equiv\s*=\s*["']?Content-Security-Policy/i.test(t));
  const content = meta ? /content\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(meta) : null;
  return (content?.[1] ?? content?.[2])
    ?.replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function listFiles(dir: string, match: (f: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && match(d.name))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

export interface ScanReport {
  findings: Finding[];
  scanned: string[];
  /** Per check: passed or not (a check without findings passed). */
  checks: Array<{ id: CheckId; description: string; passed: boolean }>;
}

/**
 * The whole project: sources under electron/ (TypeScript, where the intent is readable) and the built
 * bundles that actually ship (out/main, out/preload), plus the built page for the CSP and webviews.
 */
export function scanProject(root: string): ScanReport {
  const findings: Finding[] = [];
  const scanned: string[] = [];
  const rel = (f: string) => path.relative(root, f);
  const missing = (rule: CheckId, file: string, message: string) =>
    findings.push({ rule, severity: SEVERITY[rule], file, line: 0, message });

  // The shell: the only code that may import Electron (core/ and cli/ are kept free of it by the linter).
  const sources = [
    ...listFiles(path.join(root, 'electron'), (f) => f.endsWith('.ts')).filter(
      (f) => path.dirname(f) === path.join(root, 'electron'),
    ),
    ...listFiles(path.join(root, 'electron/shell'), (f) => f.endsWith('.ts')),
  ];
  const mainBundle = listFiles(path.join(root, 'out/main'), (f) => f.endsWith('.js'));
  const preloadBundle = listFiles(path.join(root, 'out/preload'), (f) => /\.c?js$/.test(f));
  if (mainBundle.length === 0) missing('NAVIGATION', 'out/main', 'out/main is not built: run `npx electron-vite build` first');
  if (preloadBundle.length === 0)
    missing('EXPOSED_IPC', 'out/preload', 'out/preload is not built: run `npx electron-vite build` first');

  const factsOf = (files: string[], sourceChecks: boolean): FileFacts[] =>
    files.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      // A bundle chunk that never loads Electron cannot open windows or sessions (the core's parsers).
      if (!sourceChecks && !/["']electron["']/.test(text)) return [];
      scanned.push(rel(f));
      const result = scanScript(text, rel(f), { sourceChecks });
      findings.push(...result.findings);
      return result.facts;
    });
  const sourceFacts = factsOf(sources, true);
  const mainFacts = factsOf(mainBundle, false);
  factsOf(preloadBundle, false);

  // Presence checks, on the sources and again on the bundle that ships.
  for (const [where, facts] of [
    ['electron/ (sources)', sourceFacts],
    ['out/main (built)', mainFacts],
  ] as const) {
    if (facts.length === 0) continue;
    const calls = new Set(facts.flatMap((f) => [...f.calls]));
    const strings = new Set(facts.flatMap((f) => [...f.strings]));
    const has = (s: string) => calls.has(s) || strings.has(s);
    if (!calls.has('setPermissionRequestHandler')) missing('PERMISSIONS', where, 'no setPermissionRequestHandler');
    if (!calls.has('setPermissionCheckHandler')) missing('PERMISSIONS', where, 'no setPermissionCheckHandler');
    if (!calls.has('on:will-navigate')) missing('NAVIGATION', where, "no 'will-navigate' handler");
    if (!calls.has('on:will-redirect')) missing('NAVIGATION', where, "no 'will-redirect' handler");
    if (!calls.has('setWindowOpenHandler')) missing('WINDOW_OPEN', where, 'no setWindowOpenHandler');
    if (!calls.has('on:will-attach-webview')) missing('WEBVIEW', where, "no 'will-attach-webview' refusal");
    if (!calls.has('onHeadersReceived') || !has('Content-Security-Policy'))
      missing('CSP', where, 'the CSP response header is not set');
    if (!facts.some((f) => f.fullWebPreferences)) {
      missing('CONTEXT_ISOLATION', where, 'no webPreferences with contextIsolation: true, sandbox: true, nodeIntegration: false');
    }
    if (!calls.has('isTrustedSender')) missing('IPC_SENDER', where, 'the IPC handler does not call isTrustedSender');
  }

  const page = path.join(root, 'out/renderer/index.html');
  if (fs.existsSync(page)) {
    scanned.push(rel(page));
    const html = fs.readFileSync(page, 'utf8');
    for (const problem of checkCspPolicy(cspFromHtml(html), rel(page))) missing('CSP', rel(page), problem);
    if (/<webview/i.test(html)) missing('WEBVIEW', rel(page), 'the page contains a <webview>');
    if (/<script[^>]+src=["']https?:/i.test(html)) missing('INSECURE_PROTOCOL', rel(page), 'the page loads a remote script');
  } else {
    missing('CSP', 'out/renderer/index.html', 'the page is not built: run `npx electron-vite build` first');
  }
  const csp = path.join(root, 'shared/csp.ts');
  if (fs.existsSync(csp)) {
    const policy = /CONTENT_SECURITY_POLICY = \[([\s\S]*?)\]\.join/.exec(fs.readFileSync(csp, 'utf8'))?.[1];
    const text = policy ? [...policy.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('; ') : undefined;
    for (const problem of checkCspPolicy(text, 'shared/csp.ts')) missing('CSP', 'shared/csp.ts', problem);
  }

  const failed = new Set(findings.map((f) => f.rule));
  const checks = (Object.keys(CHECKS) as CheckId[]).map((id) => ({ id, description: CHECKS[id], passed: !failed.has(id) }));
  return { findings, scanned, checks };
}

function main(): void {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const report = scanProject(root);
  const out = process.stdout;
  out.write(`Electron security checklist (${report.scanned.length} files)\n`);
  for (const c of report.checks) out.write(`  ${c.passed ? 'ok  ' : 'FAIL'} ${c.id.padEnd(22)} ${c.description}\n`);
  for (const f of report.findings)
    out.write(`  ${f.severity.padEnd(6)} ${f.rule} ${f.file}${f.line ? `:${f.line}` : ''} ${f.message}\n`);
  const high = report.findings.filter((f) => f.severity === 'HIGH').length;
  out.write(high > 0 ? `${high} high-severity finding(s).\n` : 'No high-severity findings.\n');
  process.exitCode = high > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
