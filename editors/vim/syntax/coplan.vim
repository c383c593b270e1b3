" Vim syntax file for coplan rules files (*.rules).
" Install: copy editors/vim/ into ~/.vim/ (or a package's start/ folder).
if exists("b:current_syntax")
  finish
endif

syn keyword coplanDecl kind role group attribute include scope rule pool transfer budget
syn keyword coplanSeverity must should
syn keyword coplanKeyword per if else where at least most grade cost within all assert
syn keyword coplanType number text set
syn keyword coplanOperator and or not in
syn keyword coplanBoolean true false
syn keyword coplanBuiltin headcount id name parent children descendants siblings
syn keyword coplanFunction count sum min max avg ceil floor round abs size
syn match coplanNumber "\<\d\+\(\.\d\+\)\?\>"
syn match coplanRange "\.\."
syn region coplanString start=+"+ skip=+\\.+ end=+"+ oneline
syn match coplanComment "#.*$"

hi def link coplanDecl Statement
hi def link coplanSeverity Keyword
hi def link coplanKeyword Keyword
hi def link coplanType Type
hi def link coplanOperator Operator
hi def link coplanBoolean Boolean
hi def link coplanBuiltin Identifier
hi def link coplanFunction Function
hi def link coplanNumber Number
hi def link coplanRange Operator
hi def link coplanString String
hi def link coplanComment Comment

let b:current_syntax = "coplan"
