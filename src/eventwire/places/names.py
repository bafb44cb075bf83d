"""Place-name keys and romanization variants.

A key is the form every gazetteer lookup uses: accents stripped, case folded, apostrophes dropped,
hyphens and runs of spaces turned into one space. Variants bridge the Russian and Ukrainian
romanizations of one Cyrillic name (Kharkov/Kharkiv, Nikolaev/Mykolaiv, Irpen/Irpin, Odessa/Odesa,
Chernigov/Chernihiv) by rewriting the systematic differences, not by listing towns.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02b9\u00b4'`]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/]+")
_LATIN_OK = re.compile(r"^[A-Za-z0-9 .,()&'-]+$")
_PLAIN_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ħ": "h"}
    | {"Ħ": "H", "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"}
)
"""Latin letters that no accent makes, as news writes them plain ('Doğubayazıt', 'Łódź', 'Tromsø')."""


def _plain(name: str) -> str:
    """The name without accents and with plain letters for the letters `_PLAIN_LETTERS` names."""
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c)).translate(_PLAIN_LETTERS)


def key(name: str) -> str:
    """The lookup key of a name: 'Kyiv’s' → 'kyivs', 'Rostov-on-Don' → 'rostov on don'."""
    s = _APOSTROPHES.sub("", _plain(name)).casefold().replace(".", "")
    return _SEPARATORS.sub(" ", s).strip()


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters (after accents are stripped)."""
    s = _APOSTROPHES.sub("'", _plain(name))
    return bool(_LATIN_OK.match(s)) and any(c.isalpha() for c in s)


# Each rule is (pattern, replacement) on a key; a variant applies any subset of the rules that match.
# Russian -> Ukrainian: final -ov/-ev becomes -iv, closed-syllable e becomes i (Irpen -> Irpin),
# g becomes h, i becomes y after consonants (Nikolaev -> Mykolaiv), doubled consonants are single.
_RU_TO_UK: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[aeiou])y?ev\b"), "iv"),
    (re.compile(r"[oe]v\b"), "iv"),
    (re.compile(r"(?<=[^aeiouy])en\b"), "in"),
    (re.compile(r"(?<![kzsc])g"), "h"),
    (re.compile(r"(?<=^n)i"), "y"),
    (re.compile(r"^n(?=yk)"), "m"),
    (re.compile(r"([bcdfgklmnprstvz])\1"), r"\1"),
    (re.compile(r"ye"), "ie"),
    (re.compile(r"(?<=[^aeiou ])ya"), "ia"),
    (re.compile(r"(?<=[^aeiou ])yu"), "iu"),
    (re.compile(r"yy\b|iy\b"), "yi"),
)
# Ukrainian -> Russian: the inverse rewrites, for names written the new way and stored the old way.
_UK_TO_RU: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[aeiou])iv\b"), "ev"),
    (re.compile(r"(?<=[^aeiou])iv\b"), "ov"),
    (re.compile(r"(?<=[^aeiouy])in\b"), "en"),
    (re.compile(r"(?<![kzsc])h"), "g"),
    (re.compile(r"^my"), "ni"),
    (re.compile(r"(?<=[aeiou])s(?=[aeiou])"), "ss"),
    (re.compile(r"ia"), "ya"),
    (re.compile(r"iu"), "yu"),
)
MAX_VARIANTS = 64


def variants(name_key: str) -> set[str]:
    """Romanization variants of a key (the key itself excluded), at most `MAX_VARIANTS`.

    Args:
        name_key: a key as made by `key`.
    """
    out: set[str] = set()
    for rules in (_RU_TO_UK, _UK_TO_RU):
        forms = {name_key}
        for pattern, repl in rules:
            forms |= {pattern.sub(repl, f) for f in forms if pattern.search(f)}
            if len(forms) > MAX_VARIANTS:
                break
        out |= forms
    out.discard(name_key)
    return set(sorted(out)[:MAX_VARIANTS])
