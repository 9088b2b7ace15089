" Filetype settings for .promise files: comments, indentation, and
" :make running `promise lint --format gcc` into the quickfix list.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal comments=:# commentstring=#\ %s
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal formatoptions-=t formatoptions+=croq
" `promise lint --format gcc` prints file:line:col: severity: message [rule].
setlocal makeprg=promise\ lint\ --format\ gcc
setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tnfo:\ %m,%-G%.%#

let b:undo_ftplugin = 'setlocal comments< commentstring< expandtab< shiftwidth< softtabstop<'
      \ . ' formatoptions< makeprg< errorformat<'
