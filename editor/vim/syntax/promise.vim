" Vim syntax file for .promise files (the promises a team makes).
if exists('b:current_syntax')
  finish
endif

syntax case ignore
syntax match promiseComment /^\s*#.*$/ contains=@Spell
syntax match promiseHeader /^promise\>.*$/ contains=promiseKeyword,promiseId,promiseText
syntax match promiseKeyword /^promise\>/ contained nextgroup=promiseId skipwhite
syntax match promiseId /\<\a[A-Za-z0-9._-]*\ze\s*:/ contained
syntax match promiseText /:\zs.*$/ contained contains=@Spell
syntax match promiseField /^\s\+[A-Za-z][A-Za-z0-9_-]*\s*:/ contains=promiseKey,promiseUserKey nextgroup=promiseValue
syntax match promiseKey /\<\(by\|to\|made\|due\|recorded\|in-return\|status\|renegotiated\|recovery\|extra\|note\)\ze\s*:/ contained
syntax match promiseUserKey /\<x-[A-Za-z0-9_-]*\ze\s*:/ contained
syntax match promiseValue /.*$/ contained contains=promiseDate,promiseStatus
syntax match promiseDate /\<\d\{4}-\d\d-\d\d\%([ T]\d\d:\d\d\)\=/ contained
syntax match promiseStatus /^\s*\zs\<\(open\|kept\|broken\|released\)\>/ contained
syntax case match

highlight default link promiseComment Comment
highlight default link promiseKeyword Keyword
highlight default link promiseId Identifier
highlight default link promiseText String
highlight default link promiseKey Type
highlight default link promiseUserKey PreProc
highlight default link promiseDate Number
highlight default link promiseStatus Constant

let b:current_syntax = 'promise'
