#!/usr/bin/env python3
"""TempEval-3 task A scorer for `evgraph timex` on TimeML files (TBAQ).

    tools/eval_timex.py --evgraph build/evgraph --data ../shared/data/tempeval3/tbaq --work build/eval-timex

For each .tml file: the text inside <TEXT> (tags removed, entities decoded) is written
to WORK/input/<doc>.txt with its DCT in <doc>.meta.yaml (`published`), the gold TIMEX3
spans are kept as UTF-8 byte offsets, and `evgraph timex --format jsonl` tags the texts.
Scores, as in TempEval-3 task A:
  strict   extent matches exactly;    relaxed   extents overlap (one-to-one)
  P = matched / system, R = matched / gold, F1 = 2PR / (P + R)
  type / value accuracy over relaxed matches; type / value F1 = relaxed F1 * accuracy
Writes WORK/errors.tsv (missed, spurious, wrong value) for tuning. Exit 0 unless it fails.
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def parse_tml(path):
    """Returns (doc id, text, dct 'YYYY-MM-DD' or None, gold [(start, end, type, value, text)])."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    doc = os.path.splitext(os.path.basename(path))[0]
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if m:
        v = dict(ATTR.findall(m.group(1))).get("value", "")
        if re.match(r"\d{4}-\d\d-\d\d", v):
            dct = v[:10]
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not m:
        raise SystemExit(f"{path}: error: no <TEXT> element")
    body = m.group(1)
    out = bytearray()
    gold = []
    open_timex = None
    pos = 0
    for t in TAG.finditer(body):
        out += html.unescape(body[pos:t.start()]).encode("utf-8")
        pos = t.end()
        closing, name, attrs = t.group(1), t.group(2), t.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            a = dict(ATTR.findall(attrs))
            open_timex = (len(out), a.get("type", ""), a.get("value", ""))
        elif open_timex:
            start, typ, value = open_timex
            gold.append((start, len(out), typ, value))
            open_timex = None
    out += html.unescape(body[pos:]).encode("utf-8")
    text = bytes(out)
    gold = [(s, e, ty, v, text[s:e].decode("utf-8")) for s, e, ty, v in gold]
    return doc, text, dct, gold


def match(gold, system):
    """One-to-one matching: exact extents first, then the largest overlaps."""
    pairs, used_g, used_s = [], set(), set()
    exact = {(g[0], g[1]): i for i, g in enumerate(gold)}
    for j, s in enumerate(system):
        i = exact.get((s[0], s[1]))
        if i is not None and i not in used_g:
            pairs.append((i, j, True))
            used_g.add(i)
            used_s.add(j)
    overlaps = []
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        for j, s in enumerate(system):
            if j in used_s:
                continue
            ov = min(g[1], s[1]) - max(g[0], s[0])
            if ov > 0:
                overlaps.append((-ov, i, j))
    for _, i, j in sorted(overlaps):
        if i in used_g or j in used_s:
            continue
        pairs.append((i, j, False))
        used_g.add(i)
        used_s.add(j)
    return pairs, used_g, used_s


def prf(matched, n_system, n_gold):
    p = matched / n_system if n_system else 0.0
    r = matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--evgraph", required=True, help="path of the evgraph program")
    ap.add_argument("--data", required=True, help="folder searched recursively for .tml files")
    ap.add_argument("--work", required=True, help="scratch folder (created)")
    ap.add_argument("--resources", help="passed to evgraph --resources")
    args = ap.parse_args()

    tml = sorted(os.path.join(d, f) for d, _, fs in os.walk(args.data) for f in fs if f.endswith(".tml"))
    if not tml:
        print(f"eval-timex: error: no .tml files under {args.data}", file=sys.stderr)
        return 2
    input_dir = os.path.join(args.work, "input")
    os.makedirs(input_dir, exist_ok=True)
    docs = {}
    paths = []
    for path in tml:
        doc, text, dct, gold = parse_tml(path)
        docs[doc] = (text, gold)
        txt = os.path.join(input_dir, doc + ".txt")
        with open(txt, "wb") as f:
            f.write(text)
        with open(os.path.join(input_dir, doc + ".meta.yaml"), "w", encoding="utf-8") as f:
            f.write(f"published: {dct}\n" if dct else "{}\n")
        paths.append(txt)

    cmd = [args.evgraph, "--quiet"]
    if args.resources:
        cmd += ["--resources", args.resources]
    cmd += ["timex", "--format", "jsonl"] + paths
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        print(f"eval-timex: error: evgraph exited with {result.returncode}", file=sys.stderr)
        return 2
    system = defaultdict(list)
    for line in result.stdout.splitlines():
        o = json.loads(line)
        system[o["doc"]].append((o["start"], o["end"], o["type"], o["value"], o["text"]))

    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    errors = []
    for doc, (text, gold) in sorted(docs.items()):
        sys_t = system.get(doc, [])
        pairs, used_g, used_s = match(gold, sys_t)
        n_gold += len(gold)
        n_sys += len(sys_t)
        for i, j, exact in pairs:
            relaxed += 1
            strict += exact
            g, s = gold[i], sys_t[j]
            type_ok += g[2] == s[2]
            value_ok += g[3] == s[3]
            if g[3] != s[3] or g[2] != s[2] or not exact:
                errors.append((doc, "mismatch", g[4], g[2], g[3], s[4], s[2], s[3]))
        for i, g in enumerate(gold):
            if i not in used_g:
                errors.append((doc, "missed", g[4], g[2], g[3], "", "", ""))
        for j, s in enumerate(sys_t):
            if j not in used_s:
                errors.append((doc, "spurious", "", "", "", s[4], s[2], s[3]))
    with open(os.path.join(args.work, "errors.tsv"), "w", encoding="utf-8") as f:
        f.write("doc\tkind\tgold_text\tgold_type\tgold_value\tsys_text\tsys_type\tsys_value\n")
        for e in errors:
            f.write("\t".join(x.replace("\t", " ").replace("\n", " ") for x in e) + "\n")

    sp, sr, sf = prf(strict, n_sys, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, n_gold)
    type_acc = type_ok / relaxed if relaxed else 0.0
    value_acc = value_ok / relaxed if relaxed else 0.0
    print(f"TempEval-3 task A on {len(docs)} documents: {n_gold} gold, {n_sys} system timexes")
    print()
    print("| measure | P | R | F1 |")
    print("|---|---|---|---|")
    print(f"| strict extent | {sp:.4f} | {sr:.4f} | {sf:.4f} |")
    print(f"| relaxed extent | {rp:.4f} | {rr:.4f} | {rf:.4f} |")
    print()
    print("| attribute | accuracy | F1 |")
    print("|---|---|---|")
    print(f"| type | {type_acc:.4f} | {rf * type_acc:.4f} |")
    print(f"| value | {value_acc:.4f} | {rf * value_acc:.4f} |")
    print()
    print(f"errors: {os.path.join(args.work, 'errors.tsv')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
