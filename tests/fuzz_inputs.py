"""A seeded generator of hostile inputs for the fuzzing tests (issue 16): JSONL lines, text, HTML and
feed files, binary files, symbolic links and odd file names, each known to be good (an article that must
be read and stored) or bad (a failure that must be reported by its name).

    fuzz = Fuzz(seed=7)
    case = fuzz.folder(tmp_path / "in", files=40)
    case.good   # {article id: origin}   every article that must come out
    case.bad    # {origin}               every unit that must be reported

Deterministic for a seed, so that a failing case can be rebuilt; no third-party fuzzing library needed.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

NL_SENTENCES = [
    "De minister van Buitenlandse Zaken bezocht Moskou voor overleg over de sancties.",
    "Rusland heeft de ambassadeur van Nederland ontboden na de uitspraken van de premier.",
    "Premier Rutte sprak dinsdag met president Zelensky over militaire steun aan Oekraïne.",
    "De Verenigde Staten veroordeelden de aanval op de haven en dreigden met nieuwe maatregelen.",
]
EN_SENTENCES = [
    "Russia recalled its ambassador to the United States on Tuesday after the talks failed.",
    "The prime minister met the German chancellor in Berlin to discuss energy prices.",
    "China accused Japan of provoking tension in the region, the foreign ministry said.",
]
#: Strings that look like markup, control sequences or odd Unicode: harmless data, to be kept as it is.
ODD_STRINGS = [
    "[/red]", "[bold]x[/bold]", "[link=file:///etc/passwd]y", "<script>alert(1)</script>", "'; DROP TABLE x;--",
    "\u202egnp.exe", "\u200b\u200d", "e\u0301\u0301\u0301", "\U0001f600\U0001f4a5", "\\ud800", "%00", "../../etc",
    "\x1b[31mred\x1b[0m", "\t\x0b\x0c", "\u2028\u2029", "ﷺ" * 5, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
]
GOOD_DATES = ["2021", "2021-03", "2021-03-23", "2021-03-23T10:15:00+01:00", "9999-12-31", "0001-01-01", "1999-12",
              "2020-02-29", None]
BAD_DATES = ["2021-13", "2021-02-30", "[/red]", "soon", "99999", "2021-03-23T25:00", "", "0000-01-01", "\ud800"]
BAD_VALUES = [1, 1.5, True, [], {}, ["a"], {"a": 1}]


@dataclass
class Case:
    """Inputs written to disk and what must come of them."""

    good: dict[str, str] = field(default_factory=dict)  # article id -> origin
    bad: set[str] = field(default_factory=set)  # origins of units that must be failures


class Fuzz:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.serial = 0

    # -- pieces ---------------------------------------------------------------------------------------

    def _id(self) -> str:
        self.serial += 1
        return f"fz{self.serial}-{self.rng.choice(['a', 'b[x]', 'c.d', 'ü', 'e_f'])}"

    def text(self) -> tuple[str, str]:
        """(text, language): a few real sentences with odd strings among them."""
        language = self.rng.choice(["nl", "en"])
        pool = NL_SENTENCES if language == "nl" else EN_SENTENCES
        parts = [self.rng.choice(pool) for _ in range(self.rng.randint(1, 4))]
        if self.rng.random() < 0.5:
            parts.insert(self.rng.randrange(len(parts) + 1), self.rng.choice(ODD_STRINGS))
        return " ".join(parts), language

    def good_record(self) -> dict[str, object]:
        text, language = self.text()
        record: dict[str, object] = {"id": self._id(), "text": text, "language": language,
                                     "published": self.rng.choice(GOOD_DATES)}
        for key in ("title", "url", "source"):
            if self.rng.random() < 0.4:
                record[key] = self.rng.choice(ODD_STRINGS + [None])
        if self.rng.random() < 0.2:
            record["extra"] = {"nested": [1, 2, {"x": None}]}
        return record

    def bad_line(self) -> bytes:
        """One JSONL line that must be a failure for its line."""
        record = self.good_record()
        kind = self.rng.randrange(14)
        if kind == 0:
            depth = self.rng.choice([2_000, 50_000, 200_000])
            return (self.rng.choice("[{") * depth).replace("{", '{"a":')[: depth * 5].encode()
        if kind == 1:
            record[self.rng.choice(["text", "title", "id", "url", "source", "language"])] = "x\ud800y"
            return json.dumps(record).encode()
        if kind == 2:
            record["published"] = self.rng.choice(BAD_DATES)
            return json.dumps(record).encode()
        if kind == 3:
            key = self.rng.choice(["text", "id", "title", "published", "language"])
            # an integer id is allowed (written as a string)
            record[key] = self.rng.choice([v for v in BAD_VALUES if key != "id" or type(v) is not int])
            return json.dumps(record).encode()
        if kind == 4:
            record["text"] = self.rng.choice(["", "   ", "\n\t"])
            return json.dumps(record).encode()
        if kind == 5:
            del record["text"]
            return json.dumps(record).encode()
        if kind == 6:
            record["language"] = self.rng.choice(["fr", "de", "xx", "[/red]"])
            return json.dumps(record).encode()
        if kind == 7:
            line = json.dumps(record).encode()
            at = self.rng.randrange(1, len(line))
            return line[:at] + b"\x00" + line[at:]
        if kind == 8:
            line = json.dumps(record, ensure_ascii=False).encode()
            at = self.rng.randrange(1, len(line))
            return line[:at] + self.rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80"]) + line[at:]
        if kind == 9:
            line = json.dumps(record)
            return line[: self.rng.randrange(1, len(line))].encode()
        if kind == 10:
            return json.dumps(self.rng.choice([[record], "text", 42, None, True])).encode()
        if kind == 11:
            record["id"] = self.rng.choice(["", "   "])
            return json.dumps(record).encode()
        if kind == 12:
            return self.rng.choice([b"{", b"}", b"[/red]", b"nul", b"{'id': 1}", b'{"text": "a" "b"}'])
        return json.dumps(record).replace('"text"', '"txet"').encode()

    # -- files ----------------------------------------------------------------------------------------

    def jsonl(self, path: Path, origin: str, case: Case) -> None:
        """JSON lines, good and bad: each bad line a failure of its own, unless no line at all is a JSON
        object and some hold bytes no text has (NUL, not UTF-8): then the file is binary, one failure."""
        lines: list[bytes] = []
        good: dict[str, str] = {}
        bad: set[str] = set()
        for number in range(1, self.rng.randint(1, 12) + 1):
            if self.rng.random() < 0.5:
                record = self.good_record()
                good[str(record["id"])] = f"{origin}:{number}"
                lines.append(json.dumps(record, ensure_ascii=self.rng.random() < 0.5).encode())
            else:
                bad.add(f"{origin}:{number}")
                lines.append(self.bad_line())
        path.write_bytes(b"\n".join(lines) + self.rng.choice([b"\n", b"", b"\r\n"]))
        case.good.update(good)  # a bad line holds at most 3 bad bytes: far from binary
        case.bad |= bad

    def text_file(self, path: Path, origin: str, case: Case) -> None:
        kind = self.rng.randrange(5)
        if kind <= 1:
            text, _ = self.text()
            date = self.rng.choice(["", "date 2021-03 ", "date 9999-12-31 ", " date 0001-01 "])
            path.write_text(date + text, encoding="utf-8")
            case.good[path.stem] = origin
            return
        case.bad.add(origin)
        data = [b"", b"   \n\t ", b"date 2021-13 Tekst van het artikel hier.", b"\xff\xfe\x00t\x00e",
                b"abc\x00def", bytes(self.rng.randrange(256) for _ in range(self.rng.randint(1, 3000))) + b"\x00"]
        path.write_bytes(self.rng.choice(data))

    def binary_jsonl(self, path: Path, origin: str, case: Case) -> None:
        size = self.rng.randint(100, 20_000)
        path.write_bytes(bytes(self.rng.randrange(256) for _ in range(size)) + b"\x00\xff")
        case.bad.add(origin)

    def markup_file(self, path: Path, origin: str, case: Case) -> None:
        """An HTML page or feed without any article in it: one failure for the file."""
        case.bad.add(origin)
        path.write_bytes(self.rng.choice([
            b"<html><body><p>kort</p></body></html>", b"<!doctype html><html>" + b"<div>" * 5000,
            b"<rss version='2.0'><channel><title>x</title></channel></rss>",
            b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>", b"<html>\x00\x00</html>",
        ]))

    def name(self, suffix: str) -> str:
        self.serial += 1
        stem = self.rng.choice(["a", "b[bold]c", "d[red]", "e f", "ü", "g;h", "i'j", "k%00"])
        return f"{self.serial:03d}_{stem}{suffix}"

    def folder(self, root: Path, files: int) -> Case:
        """A folder of `files` inputs of every kind (and a subfolder, a link out, an odd file name)."""
        case = Case()
        root.mkdir(parents=True)
        sub = root / "sub"
        sub.mkdir()
        outside = root.parent / f"{root.name}-outside"
        outside.mkdir()
        (outside / "secret.txt").write_text("Geheime tekst die niet gelezen mag worden door dyad.")
        for _ in range(files):
            where = self.rng.choice([root, root, sub])
            kind = self.rng.randrange(10)
            suffix = ".txt" if kind in (5, 6) else ".html" if kind == 7 else ".xml" if kind == 8 else ".jsonl"
            name = self.name(suffix)
            path = where / name
            origin = os.path.join(str(root), os.path.relpath(path, root))
            if kind <= 4:
                self.jsonl(path, origin, case)
            elif kind <= 6:
                self.text_file(path, origin, case)
            elif kind <= 8:
                self.markup_file(path, origin, case)
            else:
                self.binary_jsonl(path, origin, case)
        (root / "link.txt").symlink_to(outside / "secret.txt")
        (root / "linkdir").symlink_to(outside, target_is_directory=True)
        case.bad |= {f"{root}/link.txt", f"{root}/linkdir"}
        odd = root / os.fsdecode(b"odd\xff.txt")
        odd.write_text("", encoding="utf-8")
        case.bad.add(f"{root}/odd\\udcff.txt")
        return case



HOSTILE_PIECES = [
    "„", "“", "”", '"', "'", "‘", "’", "«", "»", "(", ")", "[", "]", "{", "}", "—", "-", "–", ":", ";", "...", "?!",
    "9999", "0001", "31 december 9999", "1 januari 0001", "gisteren", "volgende week", "vorig jaar", "yesterday",
    "next week", "Rutte", "Poetin", "Lavrov", "Biden", "hij", "zij", "hem", "he", "she", "NAVO", "de EU", "Rusland",
    "Verenigde Staten", "zei", "said", "verklaarde", "dreigde", "threatened", "bezocht", "visited", "minister",
    "premier", "de minister", "\u0301", "\u202e", "\u200b", "\U0001f600", "\x0b", "\x0c", "\u2028", "\t", "\n",
    "\n\n", "ﷺ", "𝔘", "x" * 300, "-" * 50, "'" * 40, "\"" * 40, "<b>", "&amp;", "%s", "{0}", "\\", "[/red]",
]


def hostile_text(rng: random.Random, pieces: int) -> str:
    """Valid Unicode (no lone surrogates, no NUL) made of quote marks, dates at the calendar's ends, names,
    pronouns, speech verbs, control and combining characters, in any order: a text the pipeline must
    analyse without raising."""
    out = [rng.choice(HOSTILE_PIECES) for _ in range(pieces)]
    joined = "".join(p + rng.choice([" ", "", ". ", ", ", "\n"]) for p in out).strip()
    return joined or "x"
