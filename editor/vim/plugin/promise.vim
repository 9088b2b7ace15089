" The program ALE starts for .promise files (override in your vimrc).
let g:ale_promise_executable = get(g:, 'ale_promise_executable', 'promise')
