--[[
A long-lived DOCX converter: `pandoc lua convert.lua REFERENCE.docx`.

Why: starting pandoc costs more than converting one document, so `generator/formats/docx/build.py`
starts one of these per core and feeds it documents. Jobs come on standard input, one JSON
object a line (no command-line arguments: pandoc crashes with too many of them):

  {"id": ..., "to": "docx" | "typst" | "native", "output": PATH, "head": MARKDOWN, "body": MARKDOWN,
   "tail": MARKDOWN, "refs": {ID: {"title": ..., "url": ...}}, "core": XML, "time": SECONDS}

For each job it answers one line, `ok` or `error<TAB>message`, after writing OUTPUT (through
a temporary file and a rename, so a file that exists is complete). `head` and `tail` are the
parts generate around the body (issuers, title, signatures); `body` is the editor's Markdown.
They are read separately, so nothing in a body can change how the generated parts parse.
The DOCX gets `core` as its docProps/core.xml and `time` as every zip entry's time, so the
bytes depend on the input only.
]]

local script_dir = pandoc.path.directory(arg[0])
local layout = dofile(pandoc.path.join { script_dir, 'layout.lua' })

-- The editor's Markdown: the usual extensions plus wikilinks for [[…]]; nothing that would
-- let a body inject raw markup or read `$…$`, `@name` or a `---` block as something else.
local BODY_FORMAT = 'markdown+wikilinks_title_after_pipe-raw_html-raw_tex-raw_attribute'
  .. '-tex_math_dollars-citations-yaml_metadata_block-auto_identifiers-implicit_figures'
-- The generated parts may carry raw OpenXML (the signature table, tab stops).
local FRAME_FORMAT = 'markdown+wikilinks_title_after_pipe-raw_html-raw_tex-tex_math_dollars'
  .. '-citations-yaml_metadata_block-auto_identifiers-implicit_figures'

local reference = arg[1]
local writer_options = pandoc.WriterOptions { reference_doc = reference }

local function read(text, format)
  if text == nil or text == '' then
    return pandoc.Blocks {}
  end
  return pandoc.read(text, format).blocks
end

local function document_of(job)
  local refs = job.refs or {}
  local blocks = layout.frame(read(job.head, FRAME_FORMAT), refs, job.id)
  blocks:extend(layout.body(read(job.body, BODY_FORMAT), refs, job.id))
  blocks:extend(layout.frame(read(job.tail, FRAME_FORMAT), refs, job.id))
  -- Only the language goes into the metadata: pandoc prints a title block for `title` and
  -- writes unknown fields into docProps/custom.xml. The properties come with `core`.
  return pandoc.Pandoc(blocks, { lang = 'ru-RU' })
end

-- The reference document's app.xml would claim Microsoft Word wrote the file, with its
-- word counts; ours says what made it and nothing that changes between builds.
local APP_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  .. '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
  .. '<Application>regpub</Application></Properties>'

-- The signature block never stands alone at the top of a page: its gap (marked keepNext by
-- regpub) and rows keep together, and the paragraph before the gap keeps with them too.
local SIGNATURES = '<w:p><w:pPr><w:pStyle w:val="Gap"/><w:keepNext/></w:pPr></w:p>'

local function keep_before_signatures(xml)
  local gap = xml:find(SIGNATURES, 1, true)
  if gap == nil then
    return xml
  end
  local before = xml:sub(1, gap - 1)
  local start = nil
  for position in before:gmatch('()<w:p[ >]') do
    start = position
  end
  if start == nil then
    return xml
  end
  local paragraph = before:sub(start)
  local kept
  if paragraph:find('^<w:p[^>]*><w:pPr>') then
    -- keepNext comes right after the paragraph's style, as the schema orders pPr.
    kept = paragraph:gsub('^(<w:p[^>]*><w:pPr>%s*<w:pStyle [^>]*/>)', '%1<w:keepNext/>', 1)
    if kept == paragraph then
      kept = paragraph:gsub('^(<w:p[^>]*><w:pPr>)', '%1<w:keepNext/>', 1)
    end
  else
    kept = paragraph:gsub('^(<w:p[^>]*>)', '%1<w:pPr><w:keepNext/></w:pPr>', 1)
  end
  return before:sub(1, start - 1) .. kept .. xml:sub(gap)
end

local function fixed_zip(bytes, core, time)
  local entries = {}
  for _, entry in ipairs(pandoc.zip.Archive(bytes).entries) do
    local contents
    if entry.path == 'docProps/core.xml' then
      contents = core
    elseif entry.path == 'docProps/app.xml' then
      contents = APP_XML
    elseif entry.path == 'word/document.xml' then
      contents = keep_before_signatures(entry:contents())
    else
      contents = entry:contents()
    end
    table.insert(entries, pandoc.zip.Entry(entry.path, contents, time))
  end
  return pandoc.zip.Archive(entries):bytestring()
end

-- Typst markup for the PDF (generator/formats/pdf.py adds `regpub.typ`, the page and styles):
-- a paragraph style of the reference document becomes a call of the same name there.
local function keep_with_signatures(blocks)
  -- The paragraph before the signatures goes to their page with them (as in the DOCX).
  for index, block in ipairs(blocks) do
    if block.t == 'RawBlock' and block.format == 'typst' and block.text:find('^#regpub%-signatures') then
      local before = index - 1
      while before > 0 and blocks[before].t == 'RawBlock' do
        before = before - 1
      end
      if before > 0 then
        blocks:insert(before + 1, pandoc.RawBlock('typst', ']'))
        blocks:insert(before, pandoc.RawBlock('typst', '#block(sticky: true)['))
      end
      return blocks
    end
  end
  return blocks
end

local function typst_of(doc)
  doc.blocks = keep_with_signatures(doc.blocks)
  return doc:walk {
    Div = function(div)
      local style = div.attributes['custom-style']
      if style == nil then
        return div.content
      end
      local blocks = pandoc.Blocks { pandoc.RawBlock('typst', '#regpub-style("' .. style .. '")[') }
      blocks:extend(div.content)
      blocks:insert(pandoc.RawBlock('typst', ']'))
      return blocks
    end,
  }
end

local function convert(job)
  local doc = document_of(job)
  local output
  if job.to == 'native' then
    output = pandoc.write(doc, 'native') .. '\n'
  elseif job.to == 'typst' then
    output = pandoc.write(typst_of(doc), 'typst')
  else
    output = fixed_zip(pandoc.write(doc, 'docx', writer_options), job.core, job.time)
  end
  local partial = job.output .. '.part'
  local file = assert(io.open(partial, 'wb'))
  file:write(output)
  file:close()
  assert(os.rename(partial, job.output))
end

local function one_line(message)
  return (tostring(message):gsub('[\r\n\t]+', ' '))
end

for line in io.lines() do
  local decoded, job = pcall(pandoc.json.decode, line, false)
  local ok, problem = false, nil
  if decoded and type(job) == 'table' then
    ok, problem = pcall(convert, job)
  else
    problem = 'not a job: ' .. line:sub(1, 80)
  end
  if ok then
    io.stdout:write('ok\n')
  else
    io.stdout:write('error\t' .. one_line(problem) .. '\n')
  end
  io.stdout:flush()
end
