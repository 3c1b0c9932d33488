"""A regulation's text as articles, so that an amendment can change it and every text it has
had can be written: the original, then one after each consolidated amendment."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import Change


@dataclass(frozen=True)
class Article:
    number: str  # "3", or "3.1" for one an amendment inserted after article 3
    title: str
    paragraphs: tuple[str, ...]
    section: str | None = None  # the heading of the section or chapter that starts here


@dataclass(frozen=True)
class Body:
    articles: tuple[Article, ...]
    preamble: str | None = None
    level: str = "##"  # articles' heading level: ### under sections

    def render(self) -> str:
        blocks = [self.preamble] if self.preamble else []
        for article in self.articles:
            if article.section:
                blocks.append(article.section)
            blocks.append(f"{self.level} Статья {article.number}. {article.title}")
            blocks.extend(article.paragraphs)
        return "\n\n".join(blocks) + "\n"


def with_change(body: Body, change: Change) -> Body:
    """The body after one change."""
    articles = list(body.articles)
    index = next(i for i, article in enumerate(articles) if article.number == str(change.article))
    if change.kind == "article":
        inserted = Article(f"{change.article}.1", change.new, tuple(change.after.split("\n\n")))
        articles.insert(index + 1, inserted)
    else:
        article = articles[index]
        paragraphs = tuple(change.after if p == change.before else p for p in article.paragraphs)
        assert paragraphs != article.paragraphs, f"article {change.article} lacks the changed paragraph"
        articles[index] = replace(article, paragraphs=paragraphs)
    return replace(body, articles=tuple(articles))


def with_changes(body: Body, changes: list[Change]) -> Body:
    for change in changes:
        body = with_change(body, change)
    return body
