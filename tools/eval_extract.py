#!/usr/bin/env python3
"""Scores `evgraph extract --format json` against gold annotations.

Usage: eval_extract.py --evgraph build/evgraph --set NAME SEEDS_DIR GOLD_DIR [--set ...]
       [--min-actors F] [--min-quotes F] [--min-events F] [--min-responses F]

For every article SEEDS_DIR/<stem>.txt with a gold file GOLD_DIR/<stem>.gold.yaml
(schema: ../shared/corpus/README.md), it runs the extractor and prints precision,
recall and F1 (micro-averaged over the documents of a set) for:
  actors     alias-tolerant: an extracted actor matches a gold actor when its name,
             an alias or a mention text equals a gold name or alias (case-insensitive)
  quotes     quote found (its text starts with the gold text_start) with the right speaker
  events     actor + action + target (actors matched alias-tolerantly, null = null)
  events+date  the same and the same date (ISO string or both null)
  responses  (from, to) pairs
Matching is one-to-one and greedy in document order. With --min-* thresholds
(applied to the first set) the exit status is 1 when an F1 falls below one.
"""
import argparse
import json
import os
import subprocess
import sys

import yaml


def norm(s):
    if s is None:
        return None
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2011", "-").replace("\u2010", "-").replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(s.split()).lower()


def first_words(s, n=5):
    return " ".join(norm(s).split()[:n])


class Score:
    def __init__(self):
        self.tp_p = 0  # extracted items that matched
        self.n_pred = 0
        self.tp_r = 0  # gold items that matched
        self.n_gold = 0

    def add(self, matched, n_pred, n_gold):
        self.tp_p += matched
        self.tp_r += matched
        self.n_pred += n_pred
        self.n_gold += n_gold

    def prf(self):
        p = self.tp_p / self.n_pred if self.n_pred else 0.0
        r = self.tp_r / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def greedy(pred, gold, same):
    """Number of one-to-one matches, greedy in order."""
    used = set()
    matched = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and same(p, g):
                used.add(i)
                matched += 1
                break
    return matched


def score_doc(x, gold, scores):
    # Names of each extracted actor, by id.
    pred_names = {}
    for a in x["actors"]:
        names = {norm(a["name"])} | {norm(s) for s in a.get("aliases", [])}
        names |= {norm(m["text"]) for m in a["mentions"]}
        pred_names[a["id"]] = names
    gold_names = {}
    for a in gold.get("actors") or []:
        gold_names[a["name"]] = {norm(a["name"])} | {norm(s) for s in a.get("aliases") or []}

    def actor_same(pred_id, gold_name):
        if not pred_id or not gold_name:
            return not pred_id and not gold_name
        g = gold_names.get(gold_name, {norm(gold_name)})
        return bool(pred_names.get(pred_id, set()) & g)

    scores["actors"].add(
        greedy([a["id"] for a in x["actors"]], list(gold_names), actor_same), len(x["actors"]), len(gold_names))

    gq = gold.get("quotes") or []
    scores["quotes"].add(
        greedy(x["quotes"], gq, lambda p, g: norm(p["text"]).startswith(first_words(g["text_start"]))
               and actor_same(p["speaker"], g["speaker"])), len(x["quotes"]), len(gq))

    ge = gold.get("events") or []
    same_event = lambda p, g: (p["action"] == g["action"] and actor_same(p["actor"], g["actor"])
                               and actor_same(p["target"], g["target"]))
    scores["events"].add(greedy(x["events"], ge, same_event), len(x["events"]), len(ge))
    scores["events+date"].add(
        greedy(x["events"], ge, lambda p, g: same_event(p, g) and (p["date"] or None) == (g["date"] or None)),
        len(x["events"]), len(ge))

    gr = gold.get("responses") or []
    pr = []
    for r in x["responses"]:
        if (r["from"], r["to"]) not in pr:
            pr.append((r["from"], r["to"]))
    scores["responses"].add(
        greedy(pr, gr, lambda p, g: actor_same(p[0], g["from"]) and actor_same(p[1], g["to"])), len(pr), len(gr))


def run_set(evgraph, seeds, gold_dir):
    stems = sorted(f[:-len(".gold.yaml")] for f in os.listdir(gold_dir) if f.endswith(".gold.yaml"))
    files = [os.path.join(seeds, s + ".txt") for s in stems if os.path.exists(os.path.join(seeds, s + ".txt"))]
    if not files:
        raise SystemExit(f"eval_extract: no articles with gold in {seeds} / {gold_dir}")
    out = subprocess.run([evgraph, "extract", "--format", "json", *files], check=True, capture_output=True, text=True)
    scores = {k: Score() for k in ["actors", "quotes", "events", "events+date", "responses"]}
    for line in out.stdout.splitlines():
        x = json.loads(line)
        with open(os.path.join(gold_dir, x["doc"] + ".gold.yaml"), encoding="utf-8") as f:
            gold = yaml.safe_load(f)
        score_doc(x, gold, scores)
    return len(files), scores


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--evgraph", default="build/evgraph")
    ap.add_argument("--set", nargs=3, action="append", metavar=("NAME", "ARTICLES", "GOLD"), required=True)
    for k in ["actors", "quotes", "events", "responses"]:
        ap.add_argument(f"--min-{k}", type=float, default=0.0)
    args = ap.parse_args()
    failed = False
    for index, (name, seeds, gold_dir) in enumerate(args.set):
        if not os.path.isdir(seeds) or not os.path.isdir(gold_dir):
            print(f"{name}: skipped ({seeds} or {gold_dir} not found)")
            continue
        n, scores = run_set(args.evgraph, seeds, gold_dir)
        print(f"\n{name} ({n} documents)")
        print(f"| {'measure':<12} | {'pred':>5} | {'gold':>5} | {'P':>5} | {'R':>5} | {'F1':>5} |")
        print(f"|{'-' * 14}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 7}|")
        for k, s in scores.items():
            p, r, f = s.prf()
            print(f"| {k:<12} | {s.n_pred:>5} | {s.n_gold:>5} | {p:>5.2f} | {r:>5.2f} | {f:>5.2f} |")
            floor = getattr(args, "min_" + k, 0.0) if index == 0 and k in ("actors", "quotes", "events", "responses") else 0.0
            if f < floor:
                print(f"eval_extract: {name} {k} F1 {f:.2f} is below the floor {floor:.2f}", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
