"""Benchmark dyad's shipped Dutch pipeline (and Frog, when installed) in one run.

Prints progress to stderr and one JSON object as the last line of stdout:

- ``upos``, ``uas_alpino``, ``las_alpino``, ``morph_alpino``, ``lemma_alpino``: UD Dutch-Alpino r2.16 test;
  ``upos_lassysmall``, ``las_lassysmall``: UD Dutch-LassySmall r2.16 test. As ``spacy evaluate`` does, the
  model re-tokenises the gold text (10 gold sentences per Doc) and spaCy's scorer aligns the tokens.
- ``sent_f1``: sentence boundaries predicted by the bare model (its parser) on the Alpino test Docs.
- ``ner_f1`` (+ ``ner_p``, ``ner_r``, ``ner_per_type``): CoNLL-2002 Dutch ``ned.testb``.
- ``tokens_per_s``, ``sentences_per_s``: one core, on the texts of ``gold/dev/articles.jsonl``, through
  ``dyad.lang.layer.analyse_text`` when importable (else the bare model; ``speed_path`` says which).
- ``load_s`` (``spacy.load`` of the model directory, cold process), ``size_mb`` (model directory on disk).
- ``tokens_per_cpu_s``, ``sentences_per_cpu_s``, ``load_cpu_s``: the same per second of the process's CPU
  time, the fair one-core figure when other jobs share the machine (``load_avg_1min`` says how busy it was).
- ``frog_*``: Frog (Debian ``frog``) on samples, as it runs at about 19 sentences/s:
  UPOS on the first ``--frog-sentences`` Alpino test sentences (gold tokens, aligned where Frog still
  splits ``,,``; CGN tags mapped to UPOS with a table learnt from Alpino *dev*); NER on the first testb
  documents up to ``--frog-ner-sentences`` sentences (gold tokens, EVE/PRO counted as MISC); speed on
  the first ``--frog-articles`` dev articles. Frog's parser gives Alpino relations (su, obj1, hd, ...),
  not UD, so ``frog_las_alpino`` is null with a reason.

Usage: ``.venv/bin/python benchmarks/bench_nl.py [--model DIR] [--no-frog]``
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import difflib  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MODEL = ROOT / "build" / "nl-model"
SHARED = Path(os.environ.get("DYAD_SHARED", str(ROOT.parent / "shared")))
ARTICLES = SHARED / "gold" / "dev" / "articles.jsonl"


def _load_module(name: str) -> ModuleType:
    """Import one of the training/ scripts (they hold the corpus readers) without packaging them."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "training" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


convert_ud = _load_module("convert_ud")
convert_conll2002 = _load_module("convert_conll2002")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def r4(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


# ----------------------------------------------------------------------------------------------- model


def ud_docs(nlp: Language, path: Path) -> list[Doc]:
    sents = list(convert_ud.read_conllu(path))
    return [convert_ud.to_doc(nlp.vocab, sents[i : i + 10]) for i in range(0, len(sents), 10)]


#: Debug option (--limit): evaluate only the first N Docs of each test set. 0 = all.
LIMIT = 0


def evaluate(nlp: Language, refs: Iterable[Doc]) -> dict[str, Any]:
    docs = list(refs)
    if LIMIT:
        docs = docs[:LIMIT]
    examples = [Example(nlp.make_doc(ref.text), ref) for ref in docs]
    return nlp.evaluate(examples, batch_size=64)


def ud_scores(nlp: Language, path: Path) -> dict[str, Any]:
    return evaluate(nlp, ud_docs(nlp, path))


def ner_scores(nlp: Language) -> dict[str, Any]:
    refs = []
    for document in convert_conll2002.read_documents(convert_conll2002.CONLL_DIR / "ned.testb"):
        for i in range(0, len(document), 10):
            refs.append(convert_conll2002.to_doc(nlp.vocab, document[i : i + 10]))
    # Only the ner and what it listens to are needed for entity scores: its own tok2vec in the assembled
    # model, the shared one in a jointly trained model (without it a listener gets no input: F1 0.0).
    upstream = [name for name, pipe in nlp.pipeline if "ner" in getattr(pipe, "listening_components", [])]
    with nlp.select_pipes(enable=[*upstream, "ner"]):
        return evaluate(nlp, refs)


def articles() -> list[str]:
    with ARTICLES.open(encoding="utf8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def speed(nlp: Language, texts: list[str], min_seconds: float, model_dir: Path = DEFAULT_MODEL) -> dict[str, Any]:
    """Tokens and sentences per second over repeated passes (after one warm-up pass)."""
    n_tokens = sum(len(nlp.make_doc(t)) for t in texts)
    run: Callable[[str], int]
    try:
        from dyad.lang import layer

        def run(text: str) -> int:
            return len(layer.analyse_text(text, "nl", model=str(model_dir)).sentences)

        path = "dyad.lang.layer.analyse_text"
    except Exception as exc:  # any import or wiring problem: measure the bare model instead
        log(f"speed: bare model ({type(exc).__name__}: {exc})")

        def run(text: str) -> int:
            return len(list(nlp(text).sents))

        path = "bare model"
    n_sents = sum(run(t) for t in texts)  # warm-up (and the layer's own model load)
    passes = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    while True:
        for text in texts:
            run(text)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
    cpu = time.process_time() - cpu_start
    return {
        "tokens_per_s": round(n_tokens * passes / elapsed),
        "sentences_per_s": round(n_sents * passes / elapsed, 1),
        # Per second of this process's CPU time: the one-core rate when other jobs share the machine.
        "tokens_per_cpu_s": round(n_tokens * passes / cpu),
        "sentences_per_cpu_s": round(n_sents * passes / cpu, 1),
        "load_avg_1min": round(os.getloadavg()[0], 2),
        "speed_path": path,
        "speed_tokens": n_tokens,
        "speed_passes": passes,
    }


def cold_load_seconds(model: Path) -> tuple[float, float]:
    """`spacy.load` wall and CPU seconds in a fresh interpreter (imports excluded), best of two."""
    code = (
        "import time, spacy, sys\n"
        "t, c = time.perf_counter(), time.process_time(); spacy.load(sys.argv[1])\n"
        "print(time.perf_counter() - t, time.process_time() - c)\n"
    )
    walls, cpus = [], []
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", code, str(model)], capture_output=True, text=True, check=True
        )
        wall, cpu = out.stdout.strip().splitlines()[-1].split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return min(walls), min(cpus)


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# ------------------------------------------------------------------------------------------------ Frog

_FROG_TOTAL = re.compile(r"Frogging in total took:\s*(?:(\d+) seconds?)?,?\s*(?:(\d+) milliseconds?)?")


def cgn_key(tag: str) -> str:
    """Frog's `N(soort,ev,basis)` and UD's XPOS `N|soort|ev|basis` to one form."""
    return tag.replace("(", "|").replace(",", "|").replace(")", "").strip("|")


def cgn_to_upos_table() -> tuple[dict[tuple[str, str], str], dict[str, str], dict[str, str]]:
    """Most frequent UPOS per (CGN tag, lemma), per CGN tag and per main tag, learnt from Alpino dev."""
    by_lemma: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_tag: dict[str, Counter[str]] = defaultdict(Counter)
    by_main: dict[str, Counter[str]] = defaultdict(Counter)
    with convert_ud.ALPINO_DEV.open(encoding="utf8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            lemma, upos, xpos = convert_ud.normalise_lemma(cols[1], cols[2]).lower(), cols[3], cols[4]
            by_lemma[(xpos, lemma)][upos] += 1
            by_tag[xpos][upos] += 1
            by_main[xpos.split("|")[0]][upos] += 1

    def top(table: dict[Any, Counter[str]]) -> dict[Any, str]:
        return {k: c.most_common(1)[0][0] for k, c in table.items()}

    return top(by_lemma), top(by_tag), top(by_main)


def run_frog(lines: list[str], pretokenised: bool, skip: str) -> tuple[list[list[list[str]]], float]:
    """Run Frog on lines of text; returns sentences of token rows and the processing seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.txt"
        inp.write_text("\n".join(lines) + "\n", encoding="utf8")
        # Frog 0.20 writes an empty file with `-o ... --nostdout`, so read its standard output.
        cmd = ["frog", "--threads=1", "-t", str(inp)] + ([f"--skip={skip}"] if skip else [])
        if pretokenised:
            cmd.insert(1, "-n")
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp, timeout=1800,
                              env={**os.environ, "OMP_NUM_THREADS": "1"})
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"frog exited {proc.returncode}: {proc.stderr[-500:]}")
        match = _FROG_TOTAL.search(proc.stderr)
        seconds = wall
        if match and (match.group(1) or match.group(2)):
            seconds = int(match.group(1) or 0) + int(match.group(2) or 0) / 1000
        sentences: list[list[list[str]]] = []
        current: list[list[str]] = []
        for row in proc.stdout.splitlines():
            if not row.strip():
                if current:
                    sentences.append(current)
                current = []
                continue
            current.append(row.split("\t"))
        if current:
            sentences.append(current)
    return sentences, seconds


def align(gold_words: list[str], rows: list[list[str]]) -> list[list[str] | None]:
    """For each gold token, Frog's row for it. Frog splits some tokens even with its tokeniser off
    (`,,` -> `,` `,`); a gold token then gets the first row of its replacement, unmatched ones None."""
    matcher = difflib.SequenceMatcher(a=gold_words, b=[r[1] for r in rows], autojunk=False)
    out: list[list[str] | None] = [None] * len(gold_words)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            for k in range(a1 - a0):
                out[a0 + k] = rows[b0 + k]
        elif op == "replace":
            for k in range(a1 - a0):
                out[a0 + k] = rows[min(b0 + k, b1 - 1)]
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans of an IOB2 tag sequence (an I- without a matching B- starts an entity)."""
    out: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if start >= 0 and (prefix != "I" or typ != label):
            out.add((start, i, label))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, label = i, typ
    return out


def frog_figures(n_sents: int, n_ner_sents: int, n_articles: int) -> dict[str, Any]:
    if shutil.which("frog") is None:
        reason = "frog not installed (Debian packages frog, frogdata)"
        return {"frog_upos": None, "frog_las_alpino": None, "frog_ner_f1": None,
                "frog_tokens_per_s": None, "frog_reason": reason}
    result: dict[str, Any] = {
        "frog_las_alpino": None,
        "frog_las_reason": "Frog's parser outputs Alpino dependency relations (su, obj1, hd, ...), not UD",
    }
    # UPOS on gold tokens of the first Alpino test sentences (no multi-word units, so tokens align 1:1).
    gold = list(convert_ud.read_conllu(convert_ud.ALPINO_TEST))[:n_sents]
    by_lemma, by_tag, by_main = cgn_to_upos_table()
    log(f"frog: UPOS on {len(gold)} Alpino test sentences")
    out, _ = run_frog([" ".join(s.words) for s in gold], pretokenised=True, skip="mnpac")
    # Frog may split a line into several sentences; with its tokeniser off, the token streams align 1:1.
    gold_pos = [upos for s in gold for upos in s.pos]
    aligned = align([w for s in gold for w in s.words], [row for sent in out for row in sent])
    correct = total = 0
    for row, upos in zip(aligned, gold_pos, strict=True):
        total += 1
        if row is None:
            continue
        key, lemma = cgn_key(row[4]), row[2].lower()
        guess = by_lemma.get((key, lemma)) or by_tag.get(key) or by_main.get(key.split("|")[0], "X")
        correct += guess == upos
    result["frog_upos"] = r4(correct / total)
    result["frog_upos_sentences"] = len(gold)
    # NER on gold tokens of the first testb documents.
    docs = list(convert_conll2002.read_documents(convert_conll2002.CONLL_DIR / "ned.testb"))
    ner_sents: list[list[tuple[str, str]]] = []
    for document in docs:
        if len(ner_sents) >= n_ner_sents:
            break
        ner_sents.extend(document)
    log(f"frog: NER on {len(ner_sents)} testb sentences")
    out, _ = run_frog([" ".join(w for w, _ in s) for s in ner_sents], pretokenised=True, skip="mpac")
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    aligned = align([w for s in ner_sents for w, _ in s], [row for sent in out for row in sent])
    offset = 0
    for ref in ner_sents:
        pred = aligned[offset : offset + len(ref)]
        offset += len(ref)
        g = spans([t for _, t in ref])
        tags = [re.sub(r"-(EVE|PRO)$", "-MISC", row[6].upper()) if row else "O" for row in pred]
        p = spans(tags)
        for label in {s[2] for s in g | p}:
            gl = {s for s in g if s[2] == label}
            pl = {s for s in p if s[2] == label}
            tp[label] += len(gl & pl)
            n_gold[label] += len(gl)
            n_pred[label] += len(pl)

    def f1(t: int, ng: int, np_: int) -> float:
        return 0.0 if ng + np_ == 0 else 2 * t / (ng + np_)

    result["frog_ner_f1"] = r4(f1(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values())))
    result["frog_ner_per_type"] = {k: r4(f1(tp[k], n_gold[k], n_pred[k])) for k in sorted(n_gold)}
    result["frog_ner_sentences"] = len(ner_sents)
    # Speed: all modules, Frog's own tokeniser, on raw article text.
    texts = articles()[:n_articles]
    log(f"frog: speed on {len(texts)} articles")
    out, seconds = run_frog([t.replace("\n", " ") for t in texts], pretokenised=False, skip="")
    n_tok = sum(len(s) for s in out)
    result["frog_tokens_per_s"] = round(n_tok / seconds)
    result["frog_sentences_per_s"] = round(len(out) / seconds, 1)
    result["frog_speed_articles"] = len(texts)
    result["frog_sample_note"] = "Frog figures are on samples (Frog is slow); see the *_sentences fields"
    return result


# ------------------------------------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--no-frog", action="store_true")
    parser.add_argument("--speed-seconds", type=float, default=10.0)
    parser.add_argument("--frog-sentences", type=int, default=200)
    parser.add_argument("--frog-ner-sentences", type=int, default=1000)
    parser.add_argument("--frog-articles", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="debug: only the first N test Docs per set")
    args = parser.parse_args()
    global LIMIT
    LIMIT = args.limit

    if not (args.model / "config.cfg").is_file():
        sys.exit(f"no trained pipeline at {args.model}: run training/train_nl.sh first")
    result: dict[str, Any] = {"model": str(args.model), "spacy": spacy.__version__}
    load_wall, load_cpu = cold_load_seconds(args.model)
    result["load_s"] = round(load_wall, 3)
    result["load_cpu_s"] = round(load_cpu, 3)
    result["size_mb"] = round(dir_size_mb(args.model), 1)
    nlp = spacy.load(args.model)
    result["pipeline"] = nlp.pipe_names

    log("UD Alpino test")
    alpino = ud_scores(nlp, convert_ud.ALPINO_TEST)
    log("UD LassySmall test")
    lassy = ud_scores(nlp, convert_ud.LASSY_TEST)
    result.update(
        upos=r4(alpino.get("pos_acc")),
        uas_alpino=r4(alpino.get("dep_uas")),
        las_alpino=r4(alpino.get("dep_las")),
        morph_alpino=r4(alpino.get("morph_acc")),
        lemma_alpino=r4(alpino.get("lemma_acc")),
        sent_f1=r4(alpino.get("sents_f")),
        upos_lassysmall=r4(lassy.get("pos_acc")),
        uas_lassysmall=r4(lassy.get("dep_uas")),
        las_lassysmall=r4(lassy.get("dep_las")),
        sent_f1_lassysmall=r4(lassy.get("sents_f")),
    )
    if "ner" in nlp.pipe_names:
        log("CoNLL-2002 testb")
        ner = ner_scores(nlp)
        result.update(
            ner_f1=r4(ner.get("ents_f")),
            ner_p=r4(ner.get("ents_p")),
            ner_r=r4(ner.get("ents_r")),
            ner_per_type={k: r4(v["f"]) for k, v in sorted((ner.get("ents_per_type") or {}).items())},
        )
    else:
        result.update(ner_f1=None, ner_per_type=None)

    log("speed")
    result.update(speed(nlp, articles(), args.speed_seconds, args.model))

    if args.no_frog:
        result.update(frog_upos=None, frog_las_alpino=None, frog_ner_f1=None, frog_tokens_per_s=None,
                      frog_reason="skipped (--no-frog)")
    else:
        try:
            result.update(frog_figures(args.frog_sentences, args.frog_ner_sentences, args.frog_articles))
        except Exception as exc:  # Frog present but broken: report, do not crash
            result.update(frog_upos=None, frog_las_alpino=None, frog_ner_f1=None, frog_tokens_per_s=None,
                          frog_reason=f"frog failed: {type(exc).__name__}: {exc}")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
