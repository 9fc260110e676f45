-- Neovim (0.7+) as a second, independent LSP client of the nianbao language server:
--
--   nvim --headless --clean -c 'luafile test/integration/nvim/check.lua'     (from the repository's root)
--
-- Starts `node dist/server.js --stdio` (NIANBAO_NODE names node, default `node`) with vim.lsp.start_client,
-- opens a real report as plain text (../shared/corpus/seeds/004_*.txt; without ../shared, a synthetic one made
-- from examples/example-report.md), waits for textDocument/publishDiagnostics (a prose-sum on line 11) and
-- asks for a hover on the heading 第二十条第（五）项 (the regulation's text of that clause). Prints both and
-- leaves with :qall! — or :cquit 1 on any failure. Every wait is bounded. Set XDG_CACHE_HOME (and the other
-- XDG_* folders) to private ones, or Neovim writes ~/.cache/nvim/lsp.log.

local LIMIT = 20000 -- ms, for each wait
local EXPECT_RULE = 'prose-sum'
local EXPECT_LINE = 11 -- 1-based
local HOVER_ON = '第二十条第（五）项'
local EXPECT_HOVER = '办理行政许可和其他对外管理服务事项'

local root = vim.fn.getcwd()
local client_id = nil
local exited = false
local exit_code = nil

local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

local function stop_server()
  if client_id and not exited then
    vim.lsp.stop_client(client_id)
    if not vim.wait(5000, function() return exited end, 20) then
      vim.lsp.stop_client(client_id, true) -- force: kills the process
      vim.wait(2000, function() return exited end, 20)
    end
  end
end

local function fail(msg)
  out('nvim check: FAIL ' .. msg)
  pcall(stop_server)
  vim.cmd('cquit 1')
end

local function check()
  -- The report: a seed of the shared corpus, or a synthetic one from the example with a wrong total on line 11.
  local path = vim.fn.glob(root .. '/../shared/corpus/seeds/004_*.txt', false, true)[1]
  local source
  if path then
    path = vim.fn.fnamemodify(path, ':p')
    source = 'seed ' .. vim.fn.fnamemodify(path, ':t')
  else
    local lines = vim.fn.readfile(root .. '/examples/example-report.md')
    local changed = false
    for i, l in ipairs(lines) do
      if i == EXPECT_LINE and l:find('共220条', 1, true) then
        lines[i] = l:gsub('共220条', '共230条')
        changed = true
      end
    end
    assert(changed, 'examples/example-report.md: line 11 no longer reads 共220条')
    path = vim.fn.tempname() .. '.txt'
    vim.fn.writefile(lines, path)
    source = 'synthetic report (examples/example-report.md with 共230条 on line 11; ../shared is missing)'
  end
  out('nvim check: report: ' .. source)

  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local diagnostics = nil

  client_id = vim.lsp.start_client({
    name = 'nianbao',
    cmd = { os.getenv('NIANBAO_NODE') or 'node', root .. '/dist/server.js', '--stdio' },
    root_dir = root,
    settings = { nianbao = { validate = 'auto' } },
    -- Neovim's filetype is `text`; the server checks the languages markdown, plaintext and nianbao.
    get_language_id = function() return 'plaintext' end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == uri then diagnostics = result.diagnostics end
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      end,
    },
    on_exit = function(code, signal)
      exit_code = ('exit code %s, signal %s'):format(code, signal)
      exited = true
    end,
  })
  if not client_id then return fail('vim.lsp.start_client did not start the server') end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then return fail('vim.lsp.buf_attach_client failed') end

  local function has_rule()
    for _, d in ipairs(diagnostics or {}) do
      if d.code == EXPECT_RULE then return d end
    end
  end
  vim.wait(LIMIT, function() return has_rule() ~= nil or exited end, 20)
  if exited then return fail('the server exited (' .. exit_code .. ')') end
  if not has_rule() then
    return fail(('no %s diagnostic within %d ms (got %d diagnostics)'):format(EXPECT_RULE, LIMIT, #(diagnostics or {})))
  end
  local d = has_rule()
  out(('nvim check: %d diagnostics; %s:%d:%d %s %s'):format(#diagnostics, vim.fn.fnamemodify(path, ':t'), d.range.start.line + 1, d.range.start.character + 1, d.code, d.message))
  if d.range.start.line + 1 ~= EXPECT_LINE then
    return fail(('%s on line %d, expected line %d'):format(EXPECT_RULE, d.range.start.line + 1, EXPECT_LINE))
  end

  local line
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if l:find(HOVER_ON, 1, true) then
      line = i - 1
      break
    end
  end
  if not line then return fail('no line with ' .. HOVER_ON) end
  local params = { textDocument = { uri = uri }, position = { line = line, character = 1 } }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, LIMIT)
  if not responses then return fail('hover: ' .. tostring(err)) end
  local response = responses[client_id]
  if not response or response.err or not response.result then
    return fail('hover: no result (' .. vim.inspect(response) .. ')')
  end
  local parts = {}
  local function collect(c)
    if type(c) == 'string' then
      table.insert(parts, c)
    elseif c.value then
      table.insert(parts, c.value)
    else
      for _, x in ipairs(c) do collect(x) end
    end
  end
  collect(response.result.contents)
  local text = table.concat(parts, '\n')
  out(('nvim check: hover on line %d (%s):'):format(line + 1, HOVER_ON))
  for l in (text .. '\n'):gmatch('(.-)\n') do out('  ' .. l) end
  if not text:find(EXPECT_HOVER, 1, true) then return fail('hover does not quote ' .. EXPECT_HOVER) end

  stop_server()
  if not exited then return fail('the server did not exit after shutdown') end
  out(('nvim check: OK (Neovim %s: %s on line %d, hover quotes the clause)'):format(tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, EXPECT_RULE, EXPECT_LINE))
  vim.cmd('qall!')
end

local ok, err = xpcall(check, debug.traceback)
if not ok then fail(tostring(err)) end
