--[==[
How the body of a regpub document is laid out in DOCX: pandoc Lua filters.

`convert.lua` loads this module and applies it to each document it converts; the input it
gets is written by `generator/formats/docx/inputs.py`.

What it does, and why:
- `[[id]]`, `[[id|text]]`, `[[id#anchor]]` (read as pandoc wikilinks) print as the target's
  title or the given text; with a site URL they link to the published page. A link to an
  anchor of the document itself goes to the heading's bookmark.
- Headings get the levels the reference document styles: 1 for sections (Раздел), 2 for
  chapters (Глава), 3 for articles (Статья), other headings relative to the body's top level.
- Numbered and bulleted lists become paragraphs that start with their number, at the usual
  first-line indent, as in Russian legal texts (no Word list numbering to drift or restart).
- Tables span the text width, columns shared by how much text they hold; cells use the
  12 pt "Table Text" style. Quotation marks become «ёлочки».
- Images are not embedded (their files are not part of the conversion input): their
  description is printed instead.
]==]

local layout = {}

-- Reference resolution -------------------------------------------------------------------

--- A wikilink turned into what the DOCX shows.
-- refs: id -> {title = string, url = string or nil}; self_id: the document being converted.
local function reference(refs, self_id)
  return function(link)
    if not link.classes:includes('wikilink') then
      return nil
    end
    local target = link.target
    local id, anchor = target:match('^([^#]*)#(.*)$')
    id = id or target
    local ref = refs[id]
    local content = link.content
    local shown = pandoc.utils.stringify(content)
    -- pandoc shows `[[id#anchor]]` as `id`; either way no text was given.
    if shown == target or shown == id then
      -- [[id]] and [[id#anchor]] without text print the target's title.
      content = ref and pandoc.Inlines(ref.title) or pandoc.Inlines(id)
    end
    if id == self_id and anchor and anchor ~= '' then
      return pandoc.Link(content, '#' .. anchor)
    end
    if ref and ref.url then
      local url = ref.url
      if anchor and anchor ~= '' then
        url = url .. '#' .. anchor
      end
      return pandoc.Link(content, url)
    end
    return content
  end
end

-- Headings -------------------------------------------------------------------------------

local function kind_of(header)
  return header.identifier:match('^(%a+)%-') -- section, chapter, article (set by docx_input)
end

--- Heading levels mapped onto the reference document's styles.
function layout.heading_levels(blocks)
  local has_sections, base = false, nil
  for _, block in ipairs(blocks) do
    if block.t == 'Header' then
      if kind_of(block) == 'section' then
        has_sections = true
      end
      base = math.min(base or block.level, block.level)
    end
  end
  return blocks:walk {
    Header = function(header)
      local kind = kind_of(header)
      if kind == 'section' then
        header.level = 1
      elseif kind == 'chapter' then
        header.level = has_sections and 2 or 1
      elseif kind == 'article' then
        header.level = 3
      else
        header.level = math.min(math.max(header.level - (base or 1) + 1, 1), 6)
      end
      return header
    end,
  }
end

-- Lists ----------------------------------------------------------------------------------

local function roman(number)
  local numerals = {
    {1000, 'm'}, {900, 'cm'}, {500, 'd'}, {400, 'cd'}, {100, 'c'}, {90, 'xc'},
    {50, 'l'}, {40, 'xl'}, {10, 'x'}, {9, 'ix'}, {5, 'v'}, {4, 'iv'}, {1, 'i'},
  }
  local result = ''
  for _, pair in ipairs(numerals) do
    while number >= pair[1] do
      result = result .. pair[2]
      number = number - pair[1]
    end
  end
  return result
end

local function alpha(number)
  local result = ''
  while number > 0 do
    local digit = (number - 1) % 26
    result = string.char(97 + digit) .. result
    number = (number - 1 - digit) // 26
  end
  return result
end

local function marker(number, attributes)
  local style, delimiter = attributes.style, attributes.delimiter
  local text = tostring(number)
  if style == 'LowerAlpha' then
    text = alpha(number)
  elseif style == 'UpperAlpha' then
    text = alpha(number):upper()
  elseif style == 'LowerRoman' then
    text = roman(number)
  elseif style == 'UpperRoman' then
    text = roman(number):upper()
  end
  if delimiter == 'OneParen' then
    return text .. ')'
  elseif delimiter == 'TwoParens' then
    return '(' .. text .. ')'
  end
  return text .. '.'
end

local function item_blocks(label, item)
  local blocks = pandoc.Blocks {}
  local first = item[1]
  if first and (first.t == 'Para' or first.t == 'Plain') then
    local content = pandoc.Inlines { pandoc.Str(label), pandoc.Space() }
    content:extend(first.content)
    blocks:insert(pandoc.Para(content))
    for i = 2, #item do
      blocks:insert(item[i])
    end
  else
    blocks:insert(pandoc.Para { pandoc.Str(label) })
    blocks:extend(item)
  end
  -- Tight lists hold Plain blocks; they become paragraphs of the body text style.
  return blocks:walk { Plain = function(plain) return pandoc.Para(plain.content) end }
end

local function ordered_list(list)
  local blocks = pandoc.Blocks {}
  for i, item in ipairs(list.content) do
    blocks:extend(item_blocks(marker(list.start + i - 1, list.listAttributes), item))
  end
  return blocks
end

local function bullet_list(list)
  local blocks = pandoc.Blocks {}
  for _, item in ipairs(list.content) do
    blocks:extend(item_blocks('–', item))
  end
  return blocks
end

-- Tables, quotes, images -----------------------------------------------------------------

local function each_row(tbl, action)
  for _, row in ipairs(tbl.head.rows) do action(row) end
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.head) do action(row) end
    for _, row in ipairs(body.body) do action(row) end
  end
  for _, row in ipairs(tbl.foot.rows) do action(row) end
end

--- Column widths: the full text width, shared by how much text each column holds (a "№"
-- column stays narrow, a description gets room). pandoc would size pipe tables by their
-- `---` rules (or squeeze short ones), which editors do not draw to scale and the site ignores.
local function set_widths(tbl)
  local weights, total = {}, 0
  for i = 1, #tbl.colspecs do
    weights[i] = 3
  end
  each_row(tbl, function(row)
    for i, cell in ipairs(row.cells) do
      local length = utf8.len(pandoc.utils.stringify(cell.contents)) or 0
      if cell.col_span == 1 and weights[i] then
        weights[i] = math.max(weights[i], math.min(length, 40))
      end
    end
  end)
  for _, weight in ipairs(weights) do
    total = total + weight
  end
  for i, spec in ipairs(tbl.colspecs) do
    tbl.colspecs[i] = { spec[1], weights[i] / total }
  end
end

local TABLE_TEXT = pandoc.Attr('', {}, { ['custom-style'] = 'Table Text' })

local function style_cells(row)
  for _, cell in ipairs(row.cells) do
    -- pandoc gives Plain cell text its "Compact" style; a custom style needs paragraphs.
    local contents = cell.contents:walk { Plain = function(plain) return pandoc.Para(plain.content) end }
    cell.contents = pandoc.Blocks { pandoc.Div(contents, TABLE_TEXT) }
  end
end

local function russian_quotes(quoted)
  local open, close = '«', '»'
  if quoted.quotetype == 'SingleQuote' then
    open, close = '„', '“'
  end
  local result = pandoc.Inlines { pandoc.Str(open) }
  result:extend(quoted.content)
  result:insert(pandoc.Str(close))
  return result
end

--- Inline changes: references resolved, «quotes», images as their description.
function layout.inline_filter(refs, self_id)
  return {
    Link = reference(refs, self_id),
    Quoted = russian_quotes,
    Image = function(image) return image.caption end,
  }
end

local function table_layout(tbl)
  set_widths(tbl)
  each_row(tbl, style_cells)
  return tbl
end

--- Block-level changes: lists into numbered paragraphs, tables sized and in 12 pt.
layout.block_filter = {
  OrderedList = ordered_list,
  BulletList = bullet_list,
  Table = table_layout,
}

--- The whole layout of a body: blocks in, blocks out.
function layout.body(blocks, refs, self_id)
  blocks = layout.heading_levels(pandoc.Blocks(blocks))
  return blocks:walk(layout.inline_filter(refs, self_id)):walk(layout.block_filter)
end

--- The parts we generate around the body: only references and quotes need resolving.
function layout.frame(blocks, refs, self_id)
  return pandoc.Blocks(blocks):walk(layout.inline_filter(refs, self_id))
end

return layout
