#!/usr/bin/env bash
# Reproduce dyad's Dutch pipeline end to end from the shared corpora, then ship it into the package.
#
#   training/train_nl.sh            # uses .venv/bin/python, data in /work/shared/data, scratch in build/
#
# Steps: UD conllu -> DocBins; CoNLL-2002 -> DocBins; raw training-side text (DpgMedia2019 + the train
# DocBins) -> JSONL; `spacy pretrain` of the tok2vec (characters objective); train UD pipeline (tok2vec,
# morphologizer, trainable_lemmatizer, parser) and NER pipeline (own tok2vec + ner), both tok2vecs
# initialised from the pretrained weights and trained with curly-quote augmentation (augment_nl.py);
# assemble; copy to build/nl-model/ (give it to dyad with DYAD_MODEL_NL=build/nl-model).
# One CPU thread, seeded (system.seed = 0 in both configs; pretraining uses the same seed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
BUILD="${BUILD:-$ROOT/build}"
MODEL_DIR="$ROOT/build/nl-model"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0

mkdir -p "$BUILD/logs"
echo "[train_nl] $(date -u +%FT%TZ) converting corpora into $BUILD/corpus"
"$PY" training/convert_ud.py "$BUILD/corpus"
"$PY" training/convert_conll2002.py "$BUILD/corpus"

"$PY" training/pretrain_text.py "$BUILD/corpus" "$BUILD/corpus/pretrain.jsonl"

# The tok2vec of both configs has the same architecture, so one pretraining serves both trainings.
echo "[train_nl] $(date -u +%FT%TZ) pretraining the tok2vec (log: $BUILD/logs/pretrain.log)"
rm -rf "$BUILD/pretrain"
"$PY" -m spacy pretrain training/nl_ud.cfg "$BUILD/pretrain" --code training/augment_nl.py --gpu-id -1 \
    --paths.raw_text "$BUILD/corpus/pretrain.jsonl" > "$BUILD/logs/pretrain.log" 2>&1
T2V="$BUILD/pretrain/model-last.bin"

echo "[train_nl] $(date -u +%FT%TZ) training UD pipeline (log: $BUILD/logs/ud.log)"
"$PY" -m spacy train training/nl_ud.cfg --output "$BUILD/ud" --gpu-id -1 --code training/augment_nl.py \
    --paths.train "$BUILD/corpus/ud-train.spacy" --paths.dev "$BUILD/corpus/ud-dev.spacy" \
    --paths.init_tok2vec "$T2V" > "$BUILD/logs/ud.log" 2>&1

echo "[train_nl] $(date -u +%FT%TZ) training NER pipeline (log: $BUILD/logs/ner.log)"
"$PY" -m spacy train training/nl_ner.cfg --output "$BUILD/ner" --gpu-id -1 --code training/augment_nl.py \
    --paths.train "$BUILD/corpus/ner-train.spacy" --paths.dev "$BUILD/corpus/ner-dev.spacy" \
    --paths.init_tok2vec "$T2V" > "$BUILD/logs/ner.log" 2>&1

echo "[train_nl] $(date -u +%FT%TZ) assembling"
rm -rf "$BUILD/nl-final"
"$PY" training/assemble_nl.py "$BUILD/ud/model-best" "$BUILD/ner/model-best" "$BUILD/nl-final"

rm -rf "$MODEL_DIR"
cp -r "$BUILD/nl-final" "$MODEL_DIR"
du -sh "$MODEL_DIR"
echo "[train_nl] $(date -u +%FT%TZ) shipped $MODEL_DIR"
