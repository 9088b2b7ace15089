// lsp-client.js PROMISE — a client built on vscode-jsonrpc talks to
// `promise lsp` over stdio: it offers utf-8 positions, checks that the
// server picks them, and checks the byte columns of diagnostics on a line
// with accented letters, a character outside the BMP and a tab. Prints
// PASS:/FAIL: lines; exits 1 on any failure.
'use strict';
const { spawn } = require('child_process');
const rpc = require('vscode-jsonrpc/node');

const promise = process.argv[2];
let failed = 0;
function check(name, ok, detail) {
  console.log(`${ok ? 'PASS' : 'FAIL'}: node client: ${name}`);
  if (!ok) {
    failed++;
    if (detail !== undefined) console.log(JSON.stringify(detail));
  }
}

const text =
  'promise CAFÉ-1: x\n' + // not an ID: a syntax error on the line
  'promise C-1: Déjà vu 😀\tfor the café, as soon as possible\n' +
  '\tby:\tJosé\n';
// Byte columns of "as soon as possible" on line 1.
const line1 = text.split('\n')[1];
const startByte = Buffer.byteLength(line1.slice(0, line1.indexOf('as soon')));
const endByte = startByte + Buffer.byteLength('as soon as possible');

async function main() {
  const child = spawn(promise, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = new Promise((resolve) =>
    conn.onNotification('textDocument/publishDiagnostics', (p) => resolve(p)));
  conn.listen();

  const init = await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: null,
    capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } },
  });
  check('negotiates utf-8', init.capabilities.positionEncoding === 'utf-8', init.capabilities);
  conn.sendNotification('initialized', {});
  const uri = 'file:///tmp/node-client.promise';
  conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'promise', version: 1, text },
  });
  const p = await published;
  check('diagnostics carry the version', p.version === 1, p);
  const vague = p.diagnostics.find((d) => d.code === 'vague-wording');
  check('vague wording found', !!vague, p.diagnostics);
  if (vague) {
    check('start column counts bytes', vague.range.start.line === 1 &&
      vague.range.start.character === startByte, { got: vague.range, startByte });
    check('end column counts bytes', vague.range.end.character === endByte,
      { got: vague.range, endByte });
    check('source and rule link', vague.source === 'promise' &&
      /#vague-wording$/.test((vague.codeDescription || {}).href || ''), vague);
  }
  const bad = p.diagnostics.find((d) => d.code === 'syntax-error');
  check('syntax error after a two-byte letter', bad && bad.range.start.line === 0 &&
    bad.range.start.character === 8 && bad.range.end.character === 15, bad);

  const hover = await conn.sendRequest('textDocument/hover', {
    textDocument: { uri }, position: { line: 2, character: 1 },
  });
  check('hover names the promise', hover && /C-1/.test(hover.contents.value), hover);
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  const code = await exited;
  check('exit status 0 after shutdown', code === 0, code);
  conn.dispose();
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.log('FAIL: node client: ' + e);
  process.exit(1);
});
