"""A body made Akoma Ntoso 3.0: the half of `generator.formats.akn.document` that reads the text.

It reads the page's own HTML of the text (what MkDocs made of `render_body`'s Markdown while
rendering the page), so the XML says what the page says, and no body is converted twice. Its
eIds are the Naming Convention's for the numbered parts (`chp_1__art_3`, from their anchors on the
page: `generator.formats.akn.naming`), other headings' the site's slugs. The HTML is made AKN
where it stands: headings become the hierarchy (an article's top-level numbered items its
`<paragraph>`s), lists `<blockList>`s, admonitions and quotes `<blockContainer>`s, footnotes
`<authorialNote>`s where they are marked, the headings' permalinks go, and a link that names its
record (`data-ref`) becomes whatever `refer` says (a `<ref>` to a document's FRBR URI, a person
naming its TLC).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree, html

from generator.core import labels
from generator.core.body import Body, heading_number
from generator.core.corpus import Corpus, Entry
from generator.formats.akn.naming import part_eid

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# A linked record and the anchor linked → (element, attribute, value): ("ref", "href", "/akn/…").
Refer = Callable[[Entry, str | None], tuple[str, str, str]]
_SPACE = re.compile(r"\s+")
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BLOCKS = frozenset({"p", "ul", "ol", "dl", "blockquote", "div", "details", "table", "pre", "hr", *_HEADINGS})
_INLINE = {"strong": "b", "em": "i", "code": "span"}
_LEAVES = frozenset({"p", "heading", "num", "from"})  # lines of text: their spaces are content
_HTML_ONLY = ("id", "style", "start", "open")  # attributes AKN has not, or regpub does not keep


def sub(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str | None
) -> etree._Element:
    """A child element; `class_` and `as_` name attributes Python reserves; None leaves one out."""
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        if value is not None:
            element.set(name.rstrip("_"), value)
    element.text = text
    return element


def serialize(root: etree._Element) -> bytes:
    """UTF-8 with an XML declaration, every element in the AKN namespace, HTML's attributes gone,
    spaces as a reader sees them, and the structure indented (never inside a line of text)."""
    for element in root.iter():
        element.tag = element.tag if "}" in element.tag else f"{{{NS}}}{element.tag}"
        for name in _HTML_ONLY:
            if name in element.attrib:
                del element.attrib[name]
        if element.text and element.get(XML_SPACE) is None:
            element.text = _SPACE.sub(" ", element.text)
        element.tail = _SPACE.sub(" ", element.tail) if element.tail else None
    for leaf in root.iter(*(f"{{{NS}}}{tag}" for tag in _LEAVES)):
        if leaf.get(XML_SPACE) is None:  # a line has no spaces at its ends
            leaf.text = (leaf.text or "").lstrip() or None
            if len(leaf):
                leaf[-1].tail = (leaf[-1].tail or "").rstrip() or None
            else:
                leaf.text = (leaf.text or "").rstrip() or None
    _indent(root, 0)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{etree.tostring(root, encoding="unicode")}\n'.encode()


def _indent(element: etree._Element, depth: int) -> None:
    if etree.QName(element).localname in _LEAVES or not len(element):
        return
    pad = "\n" + "  " * (depth + 1)
    element.text = pad
    for child in element:
        _indent(child, depth + 1)
        child.tail = pad
    element[-1].tail = pad[:-2]


def _ensure_block(element: etree._Element) -> None:
    """AKN wants a block where Markdown may leave none (an empty item, article or cell)."""
    if all(child.tag in ("num", "heading") for child in element):
        sub(element, "p")


def _numbered(block: etree._Element) -> bool:
    """A list whose items have numbers (`1. Текст`): in an article, its paragraphs."""
    return block.tag == "blockList" and len(block) > 0 and len(block[0]) > 0 and block[0][0].tag == "num"


@dataclass(eq=False)
class Node:
    """A heading of the body (None: the text before the first), its blocks and subheadings."""

    heading: etree._Element | None
    level: int
    blocks: list[etree._Element] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


class BodyWriter:
    """Makes the body of one document AKN; keeps the document's eIds, which must be unique."""

    def __init__(self, corpus: Corpus, refer: Refer) -> None:
        self.corpus, self.refer = corpus, refer
        self.eids: set[str] = set()
        self.anchors: set[str] = set()
        self.notes: dict[str, etree._Element] = {}  # footnotes by their mark's link: `#fn:1`

    def eid(self, wanted: str) -> str:
        """`wanted`, or `wanted-2`, `-3` when the document has it already."""
        eid, n = wanted, 1
        while eid in self.eids:
            n += 1
            eid = f"{wanted}-{n}"
        self.eids.add(eid)
        return eid

    def parse(self, body: Body | None, rendered: str) -> Node | None:
        """The text `body` as its page `rendered` it (HTML), made AKN, as a tree of its headings;
        None when it has no text."""
        if body is None or body.is_empty:
            return None
        self.anchors = set(body.anchors)
        root = html.fragment_fromstring(rendered, create_parent="div")
        for permalink in root.iterfind(".//a[@class='headerlink']"):
            permalink.drop_tree()
        # Each part's history is the metadata's (`passiveModifications`), not the text's.
        for note in root.xpath(".//p[contains(concat(' ', @class, ' '), ' regpub-history ')]"):
            note.drop_tree()
        boxes = root.findall("div[@class='footnote']")
        for box in boxes:
            root.remove(box)
            for back in box.iterfind(".//a[@class='footnote-backref']"):
                back.tag = "backref"
            etree.strip_elements(box, "backref", with_tail=False)
            self.notes.update((f"#{item.get('id')}", item) for item in box.iter("li"))
        inline = [element for tree in (*boxes, root) for element in tree.iter("a", "sup", *_INLINE)]
        for element in inline:  # the notes first: a mark takes its note's paragraphs as they are
            if element.tag == "a":
                self._link(element)
            elif element.tag == "sup":
                self._note(element)
            else:
                element.tag = _INLINE[element.tag]
                if element.tag == "span":
                    element.set("class", "code")
        for child in root:
            if child.tag not in _HEADINGS:
                self._block(child)
        etree.strip_tags(root, "div")  # what is left of wrappers such as a code block's
        return self._tree(root)

    def _link(self, link: etree._Element) -> None:
        """A link `render_body` wrote to a record (`data-ref`) names the record; others stay links."""
        href, ref = link.get("href", ""), link.get("data-ref")
        link.attrib.clear()
        entry = self.corpus.get(ref) if ref else None
        if entry is None or entry.kind is None:
            link.set("href", href)
            return
        anchor = href.partition("#")[2]
        link.tag, attribute, value = self.refer(entry, anchor or None)
        link.set(attribute, value)

    def _note(self, mark: etree._Element) -> None:
        """A footnote's mark becomes the note itself, where it is marked."""
        link = mark.find("a")
        note = self.notes.get(link.get("href", "") if link is not None else "")
        if link is None or note is None:
            return
        marker = "".join(str(text) for text in link.itertext())
        mark[:] = []
        mark.attrib.clear()
        mark.tag, mark.text = "authorialNote", None
        mark.set("marker", marker)
        mark.set("placement", "bottom")
        mark.set("eId", self.eid(f"footnote-{marker}"))
        mark.extend(note)
        self._wrap(mark)

    def _block(self, block: etree._Element) -> None:
        """An XHTML block made AKN where it stands."""
        tag, kind = block.tag, (block.get("class") or "").split()
        if tag in ("ul", "ol"):
            self._list(block)
        elif tag in ("blockquote", "details") or "admonition" in kind:
            self._container(block, kind)
        elif tag == "table":
            block.extend(list(block.iter("tr")))  # AKN has no head and body of a table
            for part in [*block.findall("thead"), *block.findall("tbody")]:
                block.remove(part)
            for cell in block.iter("th", "td"):
                self._wrap(cell)
        elif tag == "dl":
            self._definitions(block)
        elif tag == "pre":
            code = "".join(str(text) for text in block.itertext()).rstrip("\n")
            block[:] = []
            block.tag, block.text = "p", code
            block.set("class", "code")
            block.set(XML_SPACE, "preserve")
        elif tag == "hr":
            block.tag = "div"  # nothing to say in AKN: stripped with the wrappers
        elif tag in _HEADINGS:  # in a quote or an admonition
            block.tag = "p"
            block.set("class", "heading")
        elif tag == "div":
            for child in block:
                self._block(child)

    def _list(self, block: etree._Element) -> None:
        """A list's items, numbered as the page numbers them when the list is ordered."""
        for n, item in enumerate(block.findall("li"), int(block.get("start", "1"))):
            item.tag = "item"
            self._wrap(item)
            if block.tag == "ol":
                item.insert(0, number := etree.Element("num"))
                number.text = f"{n}."
        block.tag = "blockList"

    def _container(self, block: etree._Element, kind: list[str]) -> None:
        """A quote, or an admonition with its title as the heading (a DOCX's Russian one when
        the editor gave none)."""
        quote = block.tag == "blockquote"
        title = None if quote else block.find("summary" if block.tag == "details" else "p")
        if title is not None:
            block.remove(title)
        self._wrap(block)
        block.tag = "blockContainer"
        block.attrib.clear()
        block.set("class", "quote" if quote else " ".join(["admonition", *kind[-1:]]))
        if title is not None:
            title.attrib.clear()
            title.tag = "heading"
            if kind and not len(title) and (title.text or "").lower() == kind[-1]:
                title.text = labels.ADMONITION_TITLES.get(kind[-1], title.text)
            block.insert(0, title)

    def _definitions(self, listing: etree._Element) -> None:
        """`Термин` / `:   Определение` as items headed by the term."""
        listing.tag = "blockList"
        listing.set("class", "definitions")
        item = None
        for child in list(listing):
            if child.tag == "dt" or item is None:
                item = sub(listing, "item")
            listing.remove(child)
            if child.tag == "dt":
                child.tag = "heading"
                item.append(child)
            else:
                self._wrap(child)
                item.extend(child)
        for item in listing:
            _ensure_block(item)

    def _wrap(self, element: etree._Element) -> None:
        """A list item's, cell's or note's text and inline elements in paragraphs, its blocks AKN."""
        children, text = list(element), element.text
        element[:] = []
        element.text = None
        line = sub(element, "p", text) if text and text.strip() else None
        for child in children:
            if child.tag in _BLOCKS:
                tail, child.tail = child.tail, None
                element.append(child)
                self._block(child)
                line = sub(element, "p", tail) if tail and tail.strip() else None
            else:
                line = line if line is not None else sub(element, "p")
                line.append(child)
        _ensure_block(element)

    def _tree(self, root: etree._Element) -> Node:
        top = Node(None, 0)
        stack = [top]
        for child in root:
            level = _HEADINGS.get(child.tag)
            if level is None:
                stack[-1].blocks.append(child)
                continue
            while stack[-1].level >= level:
                stack.pop()
            stack[-1].children.append(node := Node(child, level))
            stack.append(node)
        return top

    def _heading(self, element: etree._Element, heading: etree._Element, numbered: bool) -> None:
        """`Статья 1. Предмет` as `<num>Статья 1.</num><heading>Предмет</heading>`."""
        heading.attrib.clear()
        number = heading_number(heading.text or "") if numbered else None
        if number:
            sub(element, "num", number[0])
            heading.text = number[1]
        if heading.text or len(heading):
            heading.tag = "heading"
            element.append(heading)

    # An act: preamble and body

    def act(self, document: etree._Element, tree: Node) -> None:
        """The text before the first article (or numbered item) is the preamble, the rest the body."""
        first = next((n for n, block in enumerate(tree.blocks) if _numbered(block)), len(tree.blocks))
        if first and (tree.children or first < len(tree.blocks)):
            sub(document, "preamble").extend(tree.blocks[:first])
            tree.blocks = tree.blocks[first:]
        self._hier(sub(document, "body"), tree, "", wrapped=False)

    def _part(self, parent: etree._Element, node: Node, prefix: str) -> None:
        """An article, section or chapter (eId: the Naming Convention's, `generator.formats.akn.naming`),
        or another heading (eId: its slug on the page; the parts in it are named as if it were not)."""
        assert node.heading is not None
        anchor = node.heading.get("id") or "heading"
        if anchor in self.anchors:
            element = sub(parent, anchor.partition("-")[0], eId=self.eid(f"{prefix}{part_eid(anchor)}"))
            self._heading(element, node.heading, True)
            self._hier(element, node, f"{element.get('eId')}__")
            return
        element = sub(parent, "hcontainer", name="subdivision", eId=self.eid(anchor))
        self._heading(element, node.heading, False)
        self._hier(element, node, prefix)

    def _hier(self, element: etree._Element, node: Node, prefix: str, *, wrapped: bool = True) -> None:
        """A part's text: its content, or its intro, numbered paragraphs, parts and wrap-up (the
        body has none of these wrappers: its loose text is an `hcontainer`)."""
        runs: list[list[etree._Element]] = []  # a numbered list is a run of its own
        for block in node.blocks:
            if _numbered(block) or not runs or _numbered(runs[-1][0]):
                runs.append([block])
            else:
                runs[-1].append(block)
        if wrapped and not node.children and not any(_numbered(run[0]) for run in runs):
            content = sub(element, "content")
            content.extend(node.blocks)
            _ensure_block(content)
            return
        for n, run in enumerate(runs):
            if _numbered(run[0]):
                for item in list(run[0]):
                    number = (item[0].text or "").rstrip(".")
                    paragraph = sub(
                        element, "paragraph", eId=self.eid(f"{prefix}para_{number.replace('.', '-')}")
                    )
                    paragraph.append(item[0])
                    sub(paragraph, "content").extend(item)
            elif wrapped and n == 0:
                sub(element, "intro").extend(run)
            elif wrapped and n == len(runs) - 1 and not node.children:
                sub(element, "wrapUp").extend(run)
            else:
                text = sub(element, "hcontainer", name="text", eId=self.eid(f"{prefix}text"))
                sub(text, "content").extend(run)
        for child in node.children:
            self._part(element, child, prefix)

    # A meeting's record

    def record(self, section: etree._Element, node: Node) -> None:
        """The record as written, each heading a `debateSection` (eId: the page's slug)."""
        section.extend(node.blocks)
        for child in node.children:
            assert child.heading is not None
            eid = self.eid(child.heading.get("id") or "heading")
            subsection = sub(section, "debateSection", name="subdivision", eId=eid)
            self._heading(subsection, child.heading, numbered=False)
            self.record(subsection, child)
