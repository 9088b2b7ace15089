-- nvim-client.lua — Neovim (headless) edits a .promise file with its own
-- LSP client, set up by editor/vim/lua/promise_lsp.lua, against the real
-- server. Checks columns on a line with accented letters and an emoji,
-- that diagnostics follow incremental edits, and that a quick fix applies.
-- Writes PASS:/FAIL: lines to $RESULTS, then quits.
local out = assert(io.open(os.getenv('RESULTS'), 'w'))
local function check(name, ok, detail)
  out:write((ok and 'PASS' or 'FAIL') .. ': neovim: ' .. name .. '\n')
  if not ok and detail ~= nil then
    out:write(vim.inspect(detail) .. '\n')
  end
end

local function find(code)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == code then
      return d
    end
  end
end

local header = 'promise K-1: Send Åsa the café 😀 quote as soon as possible'
local lines = {
  '# Fjällvind — the quote',
  header,
  '  by:        José Núñez',
  '  to:        Åsa Öberg (Fjällvind Energi)',
  '  made:      2026-11-02',
  '  due:       soon',
  '  recorded:  email, 2026-11-02',
  '  in-return: the signed order form by 2026-12-01',
}
local file = os.getenv('WORKDIR') .. '/quote.promise'
vim.fn.writefile(lines, file)

require('promise_lsp').setup({
  cmd = { os.getenv('PROMISE'), 'lsp' },
  flags = { debounce_text_changes = 0 },
})
vim.cmd('edit ' .. vim.fn.fnameescape(file))
check('filetype detected', vim.bo.filetype == 'promise', vim.bo.filetype)
check('comment string from the ftplugin', vim.bo.commentstring == '# %s', vim.bo.commentstring)

vim.wait(10000, function() return find('vague-wording') ~= nil end, 20)
local d = find('vague-wording')
local col = header:find('as soon', 1, true) - 1 -- byte index, 0-based
check('vague wording underlined at its byte column', d and d.lnum == 1 and d.col == col and
  d.end_col == col + #'as soon as possible', d)
check('vague due found', find('vague-due') ~= nil, vim.diagnostic.get(0))
check('source is promise', d and d.source == 'promise', d)

-- An incremental edit before the emoji moves the finding with it.
vim.api.nvim_buf_set_text(0, 1, 13, 1, 17, { 'Please send' })
vim.wait(10000, function()
  local v = find('vague-wording')
  return v and v.col == col + 7
end, 20)
d = find('vague-wording')
check('diagnostic follows an incremental edit', d and d.col == col + 7 and
  d.end_col == col + 7 + #'as soon as possible', d)

-- A quick fix: replace the vague due with a date.
local due = find('vague-due')
local params = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = 5, character = 0 }, ['end'] = { line = 5, character = 0 } },
  context = { diagnostics = {} },
}
local answers = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
local fix
for _, a in pairs(answers) do
  for _, action in ipairs(a.result or {}) do
    if action.title:match('^Set due to') and not fix then
      fix = action
    end
  end
end
check('a quick fix is offered for the vague due', fix ~= nil and due ~= nil, answers)
if fix then
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  local text = vim.api.nvim_buf_get_lines(0, 5, 6, false)[1]
  check('the quick fix applies', text == '  due:       2026-11-30', text)
  vim.wait(10000, function() return find('vague-due') == nil end, 20)
  check('its finding goes away', find('vague-due') == nil, vim.diagnostic.get(0))
end

out:close()
vim.cmd('qa!')
