" coplan rules files
autocmd BufRead,BufNewFile *.rules setfiletype coplan
