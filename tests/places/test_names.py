"""Place-name keys and Russian/Ukrainian romanization variants."""

from __future__ import annotations

import pytest

from eventwire.places.names import is_latin, key, variants


def test_key_folds_case_accents_apostrophes_and_hyphens() -> None:
    assert key("Kyiv’s") == "kyivs"
    assert key("Rostov-on-Don") == "rostov on don"
    assert key("Île-de-France") == "ile de france"
    assert key("U.S.") == "us"


def test_is_latin_rejects_other_scripts() -> None:
    assert is_latin("Mykolaiv Oblast")
    assert is_latin("Zürich")
    assert not is_latin("Миколаїв")
    assert not is_latin("北京")


@pytest.mark.parametrize(
    ("russian", "ukrainian"),
    [
        ("Kharkov", "kharkiv"),
        ("Nikolaev", "mykolaiv"),
        ("Irpen", "irpin"),
        ("Odessa", "odesa"),
        ("Makarov", "makariv"),
        ("Chernigov", "chernihiv"),
        ("Lugansk", "luhansk"),
    ],
)
def test_russian_romanization_reaches_the_ukrainian_one(russian: str, ukrainian: str) -> None:
    assert ukrainian in variants(key(russian))


@pytest.mark.parametrize(
    ("ukrainian", "russian"), [("Kharkiv", "kharkov"), ("Mykolaiv", "nikolaev"), ("Odesa", "odessa")]
)
def test_ukrainian_romanization_reaches_the_russian_one(ukrainian: str, russian: str) -> None:
    assert russian in variants(key(ukrainian))


def test_variants_are_bounded_and_exclude_the_name() -> None:
    v = variants(key("Zaporozhye Nikolaevka Gorodishche"))
    assert key("Zaporozhye Nikolaevka Gorodishche") not in v
    assert len(v) <= 64
    assert variants("paris") == set()


def test_letters_no_accent_makes_are_written_plain() -> None:
    assert key("Doğubayazıt") == key("Dogubayazit") == "dogubayazit"
    assert key("Łódź") == "lodz" and key("Tromsø") == "tromso" and key("Þórshöfn") == "thorshofn"
    assert is_latin("Łódź") and is_latin("Doğubayazıt")
