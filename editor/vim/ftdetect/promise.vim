" .promise files are promise files.
autocmd BufRead,BufNewFile *.promise setfiletype promise
