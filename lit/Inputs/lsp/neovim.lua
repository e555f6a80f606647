-- Neovim headless as escape lsp's client (lit/lsp-neovim.test): Debian
-- 12's Neovim 0.7 has vim.lsp.start_client and buf_attach_client (not
-- vim.lsp.start). Opens the file named by $ESCAPE_LSP_FILE, waits for the
-- diagnostics, prints vim.diagnostic.get() as JSON, one line per
-- diagnostic with its related information, then the code actions' titles.
local file = os.getenv("ESCAPE_LSP_FILE")
local server = os.getenv("ESCAPE_LSP")
local function out(text) io.stdout:write(text, "\n") end

local id = vim.lsp.start_client({
  name = "escape",
  cmd = { server, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
  init_options = { rerunOnSave = false },
})
if not id then
  out("could not start escape lsp")
  vim.cmd("cquit 1")
end
vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, id)
if not vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
  out("no diagnostics")
  vim.cmd("cquit 1")
end
local diagnostics = vim.diagnostic.get(buf)
table.sort(diagnostics, function(a, b)
  return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
end)
-- JSON with the keys in a fixed order (json_encode's follows the hash).
local keys = { "lnum", "col", "end_lnum", "end_col", "severity", "source",
               "code", "message", "related" }
for _, d in ipairs(diagnostics) do
  local lsp = d.user_data and d.user_data.lsp or {}
  d.related = lsp.relatedInformation
  local fields = {}
  for _, key in ipairs(keys) do
    if d[key] ~= nil then
      table.insert(fields, string.format("%q: %s", key, vim.fn.json_encode(d[key])))
    end
  end
  out("{" .. table.concat(fields, ", ") .. "}")
end
local client = vim.lsp.get_client_by_id(id)
local reply = client.request_sync("textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } },
  context = { diagnostics = {} },
}, 5000, buf)
for _, action in ipairs(reply and reply.result or {}) do
  out("action: " .. action.title)
end
client.stop()
vim.wait(2000, function() return client.is_stopped() end, 20)
vim.cmd("qa!")
