"""Russian grammar for the synthetic text: nouns in six cases and two numbers, agreeing
adjectives, noun phrases, prepositions with their euphonic forms, past tense, plural words."""

from __future__ import annotations

from dataclasses import dataclass

NOM, GEN, DAT, ACC, INS, PREP = range(6)
Forms = tuple[str, str, str, str, str, str]
GN_INDEX = {"m": 0, "f": 1, "n": 2, "p": 3}  # gender/number → index in a tuple of four forms


@dataclass(frozen=True)
class Noun:
    """A noun with its six case forms in the singular and plural."""

    sg: Forms
    pl: Forms | None
    gender: str  # "m", "f" or "n"

    def form(self, case: int, plural: bool = False) -> str:
        if plural and self.pl is not None:
            return self.pl[case]
        return self.sg[case]


def _forms(stem: str, ends: tuple[str, ...]) -> Forms:
    a, b, c, d, e, f = (stem + end for end in ends)
    return (a, b, c, d, e, f)


def _animate(sg: Forms, pl: Forms, gender: str, animate: bool) -> tuple[Forms, Forms]:
    """Animate nouns take the genitive for the accusative (masculine singular, every plural)."""
    if not animate:
        return sg, pl
    if gender == "m":
        sg = (sg[0], sg[1], sg[2], sg[1], sg[4], sg[5])
    return sg, (pl[0], pl[1], pl[2], pl[1], pl[4], pl[5])


def n_ie(stem: str) -> Noun:
    """Neuter nouns in -ие: управлени|е."""
    return Noun(
        _forms(stem, ("е", "я", "ю", "е", "ем", "и")), _forms(stem, ("я", "й", "ям", "я", "ями", "ях")), "n"
    )


def n_o(stem: str, gen_pl: str | None = None) -> Noun:
    """Neuter nouns in -о: качеств|о."""
    pl = _forms(stem, ("а", "", "ам", "а", "ами", "ах"))
    pl = (pl[0], gen_pl or stem, pl[2], pl[3], pl[4], pl[5])
    return Noun(_forms(stem, ("о", "а", "у", "о", "ом", "е")), pl, "n")


def f_ia(stem: str) -> Noun:
    """Feminine nouns in -ия: координаци|я."""
    return Noun(
        _forms(stem, ("я", "и", "и", "ю", "ей", "и")), _forms(stem, ("и", "й", "ям", "и", "ями", "ях")), "f"
    )


def f_a(stem: str, gen_pl: str | None = None, animate: bool = False) -> Noun:
    """Feminine nouns in -а: программ|а (velar and sibilant stems handled)."""
    i = "и" if stem[-1] in "гкхжшчщ" else "ы"
    ins = "ей" if stem[-1] in "жшчщц" else "ой"
    sg = _forms(stem, ("а", i, "е", "у", ins, "е"))
    pl = _forms(stem, (i, "", "ам", i, "ами", "ах"))
    pl = (pl[0], gen_pl or stem, pl[2], pl[3], pl[4], pl[5])
    sg, pl = _animate(sg, pl, "f", animate)
    return Noun(sg, pl, "f")


def f_soft(stem: str) -> Noun:
    """Feminine nouns in -ь: деятельност|ь."""
    return Noun(
        _forms(stem, ("ь", "и", "и", "ь", "ью", "и")), _forms(stem, ("и", "ей", "ям", "и", "ями", "ях")), "f"
    )


def m_hard(nom: str, stem: str | None = None, animate: bool = False) -> Noun:
    """Masculine nouns ending in a hard consonant: план, порядок/порядк-."""
    st = stem or nom
    i = "и" if st[-1] in "гкхжшчщ" else "ы"
    gen_pl = "ей" if st[-1] in "жшчщ" else "ов"
    sg = (nom, st + "а", st + "у", nom, st + "ом", st + "е")
    sg, pl = _animate(sg, _forms(st, (i, gen_pl, "ам", i, "ами", "ах")), "m", animate)
    return Noun(sg, pl, "m")


def m_soft(nom: str, stem: str, animate: bool = False) -> Noun:
    """Masculine nouns ending in -ь/-й: показатель, край/кра-."""
    sg = (nom, stem + "я", stem + "ю", nom, stem + "ем", stem + "е")
    sg, pl = _animate(sg, _forms(stem, ("и", "ей", "ям", "и", "ями", "ях")), "m", animate)
    return Noun(sg, pl, "m")


_HARD_F = ("ая", "ой", "ой", "ую", "ой", "ой")
_SOFT_MN = {
    "m": ("ий", "его", "ему", "ий", "им", "ем"),
    "n": ("ее", "его", "ему", "ее", "им", "ем"),
    "p": ("ие", "их", "им", "ие", "ими", "их"),
}
_ADJ_TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "hard": {
        "m": ("ый", "ого", "ому", "ый", "ым", "ом"),
        "f": _HARD_F,
        "n": ("ое", "ого", "ому", "ое", "ым", "ом"),
        "p": ("ые", "ых", "ым", "ые", "ыми", "ых"),
    },
    "velar": {
        "m": ("ий", "ого", "ому", "ий", "им", "ом"),
        "f": _HARD_F,
        "n": ("ое", "ого", "ому", "ое", "им", "ом"),
        "p": ("ие", "их", "им", "ие", "ими", "их"),
    },
    "sibilant": {**_SOFT_MN, "f": ("ая", "ей", "ей", "ую", "ей", "ей")},
    "soft": {**_SOFT_MN, "f": ("яя", "ей", "ей", "юю", "ей", "ей")},
}


@dataclass(frozen=True)
class Adj:
    """An adjective: forms keyed by gender/number ("m", "f", "n", "p")."""

    forms: dict[str, Forms]

    def form(self, gn: str, case: int, animate: bool = False) -> str:
        if case == ACC and animate and gn in ("m", "p"):
            case = GEN
        return self.forms[gn][case]


def adj(masc: str) -> Adj:
    """Every form of an adjective, from its masculine nominative."""
    stem, end = masc[:-2], masc[-2:]
    if end == "ый":
        table = dict(_ADJ_TABLES["hard"])
    elif end == "ой":
        table = dict(_ADJ_TABLES["velar" if stem[-1] in "гкх" else "hard"])
        table["m"] = ("ой", *table["m"][1:])
    elif stem[-1] in "гкх":
        table = dict(_ADJ_TABLES["velar"])
    elif stem[-1] in "жшчщ":
        table = dict(_ADJ_TABLES["sibilant"])
    else:
        table = dict(_ADJ_TABLES["soft"])
    return Adj({gn: _forms(stem, ends) for gn, ends in table.items()})


@dataclass(frozen=True)
class NP:
    """A noun phrase: agreeing adjectives, the head noun and an invariable tail."""

    adjs: tuple[Adj, ...]
    noun: Noun
    plural: bool = False
    tail: str = ""
    animate: bool = False

    @property
    def gn(self) -> str:
        return "p" if self.plural else self.noun.gender

    def __call__(self, case: int) -> str:
        words = [a.form(self.gn, case, self.animate) for a in self.adjs]
        words.append(self.noun.form(case, self.plural))
        if self.tail:
            words.append(self.tail)
        return " ".join(words)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def low(text: str) -> str:
    return text[:1].lower() + text[1:]


_CONSONANTS = "бвгджзйклмнпрстфхцчшщ"


def pp(prep: str, phrase: str) -> str:
    """A preposition and a phrase, with the euphonic variant: об итогах, со средствами, во всех."""
    word = phrase.lower()
    if prep == "о" and word[:1] in "аоуэи":
        prep = "об"
    elif prep == "с" and len(word) > 1 and word[0] in "сзшж" and word[1] in _CONSONANTS:
        prep = "со"
    elif prep == "в" and len(word) > 1 and word[0] in "вф" and word[1] in _CONSONANTS:
        prep = "во"
    return f"{prep} {phrase}"


def past(stem: str, gn: str) -> str:
    """The past tense of a regular verb stem: обеспечи- → обеспечил, -а, -о, -и."""
    return stem + {"m": "л", "f": "ла", "n": "ло", "p": "ли"}[gn]


def counted(number: int, one: str, few: str, many: str) -> str:
    """The word that goes with a number: 1 человек, 3 человека, 12 человек."""
    if number % 10 == 1 and number % 100 != 11:
        return one
    if number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14):
        return few
    return many


def words(text: str) -> tuple[str, ...]:
    """A word list written as whitespace-separated text."""
    return tuple(text.split())


def lines(text: str) -> tuple[str, ...]:
    """A list of phrases written one a line."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())
