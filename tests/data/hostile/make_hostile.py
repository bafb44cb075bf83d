"""Write the hostile input corpus: every kind of bad input a news scraper meets, plus good ones among them.

`write_small(dir)` writes the small files (committed in tests/data/hostile/, under 200 KB in all);
`write_big(dir)` writes the big ones (a 50 MB text, a million short lines, 100,000 nested divs) and is
run by the tests into a temporary folder, never committed. `EXPECTED` names, for each file, the code it
must be refused with, or "ok" when it must be stored.

    python tests/data/hostile/make_hostile.py [DIR] [--big]
"""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
from pathlib import Path

GOOD_EN = (
    "Police in Lagos fired tear gas at hundreds of protesters on Thursday, witnesses said, as demonstrations "
    "against the rising cost of living spread to several cities across Nigeria.\n\n"
    "The protesters had gathered near the governor's office in the Ikeja district before officers moved in. "
    "At least 20 people were arrested, a police spokesman told reporters in the afternoon.\n\n"
    "Organisers said they would return to the streets on Friday and called on the government to restore "
    "fuel subsidies that were removed last year."
)
"""An English article that must come through every hostile wrapping as a stored article."""

FOREIGN = {
    "fr": (
        "La police a dispersé jeudi plusieurs centaines de manifestants dans le centre de Lyon, selon des "
        "témoins. Les manifestants protestaient contre la réforme des retraites et contre la hausse des prix "
        "de l'énergie. Au moins vingt personnes ont été interpellées, a indiqué la préfecture dans un "
        "communiqué publié dans la soirée. Les syndicats ont appelé à une nouvelle journée de mobilisation "
        "la semaine prochaine dans toutes les grandes villes du pays."
    ),
    "es": (
        "La policía dispersó el jueves a cientos de manifestantes en el centro de Madrid, según testigos. "
        "Los manifestantes protestaban contra la subida de los precios de la vivienda y de la energía. "
        "Al menos veinte personas fueron detenidas, informó la delegación del Gobierno en un comunicado "
        "publicado por la noche. Los sindicatos convocaron una nueva jornada de protestas para la próxima "
        "semana en todas las grandes ciudades del país."
    ),
    "ru": (
        "Полиция в четверг разогнала несколько сотен демонстрантов в центре Москвы, сообщили очевидцы. "
        "Участники акции протестовали против роста цен на продукты и на топливо. По меньшей мере двадцать "
        "человек были задержаны, сообщило министерство внутренних дел в заявлении, опубликованном вечером. "
        "Организаторы призвали своих сторонников выйти на улицы снова на следующей неделе во всех крупных "
        "городах страны."
    ),
    "zh": (
        "据目击者称，警方周四在北京市中心驱散了数百名抗议者。抗议者反对食品和燃料价格上涨。内政部在晚间发表"
        "的声明中说，至少有二十人被拘留。组织者呼吁支持者下周在全国所有大城市再次走上街头。当局表示将加强"
        "市中心的安全措施，并呼吁市民保持冷静。"
    ),
    "ar": (
        "فرقت الشرطة يوم الخميس مئات المتظاهرين في وسط القاهرة بحسب شهود عيان. وكان المتظاهرون يحتجون على "
        "ارتفاع أسعار الغذاء والوقود. وقالت وزارة الداخلية في بيان نشر مساء اليوم إن عشرين شخصا على الأقل "
        "اعتقلوا. ودعا المنظمون أنصارهم إلى النزول إلى الشوارع مرة أخرى الأسبوع المقبل في جميع المدن الكبرى "
        "في البلاد."
    ),
}

XSS_TITLE = '<img src=x onerror="alert(1)">Protesters clash with police in Lagos'
XSS_SCRIPT = "<script>alert('pwned')</script>"
XSS_CAPTION = '<svg onload="alert(2)"> Protesters run from tear gas in Ikeja. Photo: Reuters'
XSS_HTML = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{XSS_TITLE.replace("<", "&lt;").replace(">", "&gt;")}</title>
<script>window.__xss = 1; alert('page script');</script>
<meta property="og:title" content="{XSS_TITLE.replace('"', "&quot;").replace("<", "&lt;")}">
<meta name="date" content="2024-08-01"></head>
<body onload="alert(3)"><article>
<h1>{XSS_TITLE.replace("<", "&lt;").replace(">", "&gt;")}</h1>
<p>Police in Lagos fired tear gas at hundreds of protesters on Thursday, witnesses said, as demonstrators
carried signs reading {XSS_SCRIPT.replace("<", "&lt;").replace(">", "&gt;")} and chanted slogans.</p>
<figure><img src="x.jpg" onerror="alert(4)">
<figcaption>{XSS_CAPTION.replace("<", "&lt;").replace(">", "&gt;")}</figcaption></figure>
<p>At least 20 people were arrested, a police spokesman told reporters in the afternoon, after the
crowd refused to leave the area near the governor's office in the Ikeja district.</p>
<p><a href="javascript:alert(5)">Organisers</a> said they would return to the streets on Friday and called
on the government to restore fuel subsidies.<script>alert('inline')</script></p>
</article></body></html>
"""

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

EXPECTED: dict[str, str] = {
    "empty.txt": "EW102",
    "whitespace.txt": "EW102",
    "binary.html": "EW103",
    "binary.txt": "EW103",
    "truncated.jsonl.gz": "EW104",
    "invalid-utf8.jsonl": "ok|EW104",
    "invalid-utf8.txt": "ok",
    "mixed-encodings.txt": "ok",
    "script-payloads.html": "ok",
    "script-payloads.jsonl": "ok",
    "zero-width-rtl.txt": "ok",
    "good.txt": "ok",
    "not-json.jsonl": "EW107",
    "markup-only.html": "EW108",
    "fr.txt": "EW301",
    "es.txt": "EW301",
    "ru.txt": "EW301",
    "zh.txt": "EW301",
    "ar.txt": "EW301",
    "foreign.jsonl": "EW301",
}
"""Small files: the code each must be refused with, or "ok" for one stored article per file.

`truncated.jsonl.gz` stores its records before the cut and reports the cut (EW104); in `invalid-utf8.jsonl`
the good line is stored and the line that is not UTF-8 is refused (EW104) or stored without its bad bytes;
`foreign.jsonl` refuses all five languages.
"""

EXPECTED_BIG: dict[str, str] = {
    "huge-50mb.txt": "EW105",
    "million-lines.txt": "ok|EW302|EW602",
    "nested-divs.html": "ok|EW108|EW602",
}
"""Big files (generated at test time): the 50 MB text is over the default size limit."""


def _sprinkle(text: str, chars: str, seed: int) -> str:
    """Insert invisible control characters inside words (never changing what a reader sees)."""
    rng = random.Random(seed)
    out = []
    for ch in text:
        out.append(ch)
        if ch.isalpha() and rng.random() < 0.08:
            out.append(rng.choice(chars))
    return "".join(out)


def _gz_truncated() -> bytes:
    lines = [
        json.dumps({"id": f"t{i}", "text": GOOD_EN.replace("Thursday", day), "published": "2024-08-01"})
        for i, day in enumerate(["Thursday", "Friday", "Saturday", "Sunday"] * 30)
    ]
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
        gz.write(("\n".join(lines) + "\n").encode())
    data = buf.getvalue()
    return data[: len(data) * 2 // 3]


def small_files() -> dict[str, bytes]:
    """Every small hostile file, by name."""
    rng = random.Random(7)
    binary = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000))
    latin = "Café owners in Montréal said the protest near the Hôtel de Ville was peaceful — mostly."
    files = {
        "empty.txt": b"",
        "whitespace.txt": b" \t\n\r\n   \n\t\t\n" * 50,
        "binary.html": binary,
        "binary.txt": bytes(rng.randrange(256) for _ in range(3000)) + b"\x00" * 10,
        "truncated.jsonl.gz": _gz_truncated(),
        "invalid-utf8.jsonl": (
            json.dumps({"id": "good", "text": GOOD_EN}).encode()
            + b"\n"
            + b'{"id": "bad", "text": "Police \xff\xfe fired tear gas \xc3\x28 at protesters"}\n'
        ),
        "invalid-utf8.txt": GOOD_EN.encode().replace(b"witnesses", b"witnesses \xff\xfe\xc3\x28", 1),
        "mixed-encodings.txt": (
            GOOD_EN.split("\n\n")[0].encode("utf-8")
            + b"\n\n"
            + (latin + " " + GOOD_EN.split("\n\n")[1]).encode("cp1252")
            + b"\n\n"
            + ("“" + GOOD_EN.split("\n\n")[2] + "”").encode("utf-8")
        ),
        "script-payloads.html": XSS_HTML.encode(),
        "script-payloads.jsonl": (
            json.dumps(
                {
                    "id": "xss-text",
                    "title": XSS_TITLE,
                    "published": "2024-08-01",
                    "text": GOOD_EN.replace("witnesses said", "witnesses said " + XSS_SCRIPT),
                }
            )
            + "\n"
            + json.dumps({"id": "xss-html", "html": XSS_HTML})
            + "\n"
        ).encode(),
        "zero-width-rtl.txt": _sprinkle(GOOD_EN, ZERO_WIDTH + BIDI, 3).encode("utf-8"),
        "good.txt": GOOD_EN.encode(),
        "not-json.jsonl": b'{"id": 1, "text": "unterminated\n[1, 2, 3]\n',
        "markup-only.html": b"<!doctype html><html><body>"
        + b"<div><span>1</span></div>" * 200
        + b"</body></html>",
        "foreign.jsonl": "".join(
            json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n" for k, v in FOREIGN.items()
        ).encode(),
    }
    for lang, text in FOREIGN.items():
        files[f"{lang}.txt"] = text.encode("utf-8")
    assert set(files) == set(EXPECTED)
    return files


def write_small(folder: Path) -> list[Path]:
    """Write the small hostile files into `folder`; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data in small_files().items():
        (folder / name).write_bytes(data)
        out.append(folder / name)
    return out


def write_huge(path: Path, size: int = 50_000_000) -> Path:
    """A text file of `size` bytes: news paragraphs, each made distinct by a counter (no two alike)."""
    with open(path, "w", encoding="utf-8") as f:
        written, n = 0, 0
        while written < size:
            para = f"Report {n}: " + GOOD_EN.replace("\n\n", " ") + "\n\n"
            f.write(para)
            written += len(para.encode())
            n += 1
    return path


def write_million_lines(path: Path, lines: int = 1_000_000) -> Path:
    """A headline, then a million short lines (under the default size limit): a word and a number each."""
    with open(path, "w", encoding="ascii") as f:
        f.write("Police fired tear gas at protesters in Lagos on Thursday, witnesses said\n")
        f.writelines(f"ok {i}\n" for i in range(lines))
    return path


def write_nested(path: Path, depth: int = 100_000) -> Path:
    """An HTML page whose article paragraph lies under `depth` nested divs."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("<!doctype html><html><head><title>Deep page</title></head><body>")
        f.write("<div>" * depth)
        f.write("<p>" + GOOD_EN.replace("\n\n", "</p><p>") + "</p>")
        f.write("</div>" * depth)
        f.write("</body></html>")
    return path


def write_big(folder: Path) -> list[Path]:
    """Write the big hostile files into `folder` (about 60 MB in all); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_huge(folder / "huge-50mb.txt"),
        write_million_lines(folder / "million-lines.txt"),
        write_nested(folder / "nested-divs.html"),
    ]


if __name__ == "__main__":
    target = (
        Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else Path(__file__).parent
    )
    write_small(target)
    if "--big" in sys.argv:
        write_big(target)
