-- Neovim's built-in LSP client for .promise files (Neovim 0.7 and later).
--
--   require('promise_lsp').setup()            -- `promise` on PATH
--   require('promise_lsp').setup({ cmd = { '/path/to/promise', 'lsp' } })
--
-- Every buffer of filetype `promise` is attached to one server per
-- workspace root (the nearest folder holding .git, else the file's folder).
local M = {}

local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  return dir
end

function M.setup(opts)
  opts = opts or {}
  local clients = {}
  local group = vim.api.nvim_create_augroup('promise_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'promise',
    callback = function(args)
      local root = root_of(vim.api.nvim_buf_get_name(args.buf))
      local id = clients[root]
      if not id or not vim.lsp.get_client_by_id(id) then
        id = vim.lsp.start_client({
          name = 'promise',
          cmd = opts.cmd or { 'promise', 'lsp' },
          root_dir = root,
          workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
          on_attach = opts.on_attach,
          flags = opts.flags,
        })
        clients[root] = id
      end
      if id then
        vim.lsp.buf_attach_client(args.buf, id)
      end
    end,
  })
end

return M
