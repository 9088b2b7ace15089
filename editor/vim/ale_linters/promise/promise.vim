" ALE: `promise lsp` as the language server for .promise files.
call ale#linter#Define('promise', {
\   'name': 'promise',
\   'lsp': 'stdio',
\   'executable': {b -> ale#Var(b, 'promise_executable')},
\   'command': '%e lsp',
\   'project_root': {b -> fnamemodify(ale#path#FindNearestDirectory(b, '.git'), ':h:h')},
\})
