-- A real editor as the client: headless Neovim (0.7+, Debian's) starts `replylint lsp`,
-- waits for diagnostics, applies the first preferred code action, and writes what it saw to $OUT.
local bin, root, file, out = os.getenv('REPLYLINT_BIN'), os.getenv('WS'), os.getenv('FILE'), os.getenv('OUT')
vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local id = vim.lsp.start_client({ name = 'replylint', cmd = { os.getenv('NODE'), bin, 'lsp', '--stdio' }, root_dir = root })
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local result = { attached = ok, diagnostics = {} }
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(result.diagnostics, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, source = d.source })
end
-- The code actions over the whole buffer; apply the first preferred one (a safe fix).
local params = { textDocument = vim.lsp.util.make_text_document_params(), range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(0), character = 0 } }, context = { diagnostics = {} } }
local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
local applied
for _, r in pairs(responses) do
  for _, a in ipairs(r.result or {}) do
    if a.isPreferred and not applied then
      vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
      applied = a.title
    end
  end
end
result.applied = applied
result.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local f = io.open(out, 'w'); f:write(vim.fn.json_encode(result)); f:close()
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd('qa!')
