// The VS Code side of `promise lsp`: start the server over stdio for
// .promise files and let the language client do the rest.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('promise').get('path', 'promise');
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('promise', 'Promise', { run: server, debug: server }, {
    documentSelector: [{ language: 'promise' }],
    synchronize: {
      // Files created, changed or deleted outside the editor still count.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.promise'),
    },
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
