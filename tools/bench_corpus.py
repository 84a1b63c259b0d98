#!/usr/bin/env python3
"""Generates the benchmark corpus: news text repeated and shuffled to a target size.

    tools/bench_corpus.py --out build/bench/corpus.jsonl --mb 100 \
        [--seeds ../shared/corpus/seeds] [--tempeval ../shared/data/tempeval3/tbaq]

Sources: the seed articles (*.txt) and the TEXT part of TempEval-3 TimeML files
with their tags stripped (the DCT becomes "published"). Documents are drawn
with a fixed random seed, so the same inputs give the same corpus, byte for
byte. Output: JSON Lines {"doc", "text", "published"?}, the form
`evgraph extract --stdin-jsonl` reads. Also writes CORPUS.txt.d/ (one text per
document, for tools that take files) when --files is given.
"""
import argparse
import html
import json
import os
import random
import re
import sys

TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
TAG = re.compile(r"<[^>]+>")


def tempeval_docs(root):
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if not name.endswith(".tml"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                xml = f.read()
            body = TEXT.search(xml)
            if not body:
                continue
            text = html.unescape(TAG.sub("", body.group(1))).strip() + "\n"
            dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})"', xml, re.S)
            yield text, dct.group(1) if dct else None


def seed_docs(root):
    for name in sorted(os.listdir(root)):
        if name.endswith(".txt"):
            with open(os.path.join(root, name), encoding="utf-8") as f:
                yield f.read(), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seeds", default="../shared/corpus/seeds")
    ap.add_argument("--tempeval", default="../shared/data/tempeval3/tbaq")
    ap.add_argument("--files", action="store_true", help="also write one .txt per document")
    ap.add_argument("--seed", type=int, default=20251122)
    args = ap.parse_args()

    pool = []
    if os.path.isdir(args.seeds):
        pool += list(seed_docs(args.seeds))
    if os.path.isdir(args.tempeval):
        pool += list(tempeval_docs(args.tempeval))
    if not pool:
        sys.exit("bench_corpus: no source text (neither %s nor %s found)" % (args.seeds, args.tempeval))

    target = int(args.mb * 1e6)
    rng = random.Random(args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    files_dir = args.out + ".txt.d"
    total = count = 0
    with open(args.out + ".tmp", "w", encoding="utf-8") as out:
        while total < target:
            order = list(range(len(pool)))
            rng.shuffle(order)  # each pass over the pool in a fresh order
            for i in order:
                text, published = pool[i]
                doc = "b%07d" % count
                record = {"doc": doc, "text": text}
                if published:
                    record["published"] = published
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                if args.files:
                    sub = os.path.join(files_dir, doc[:5])
                    os.makedirs(sub, exist_ok=True)
                    with open(os.path.join(sub, doc + ".txt"), "w", encoding="utf-8") as f:
                        f.write(text)
                total += len(text.encode("utf-8"))
                count += 1
                if total >= target:
                    break
    os.replace(args.out + ".tmp", args.out)
    print("bench corpus: %s: %d documents, %.1f MB of text (from %d distinct texts)"
          % (args.out, count, total / 1e6, len(pool)))


if __name__ == "__main__":
    main()
