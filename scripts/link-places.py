#!/usr/bin/env python3
"""Link the hand-written places (rules/places.yaml) to the world gazetteer
(rules/gazetteer.tsv): adds `geonames: "<id>"` to each entry that names a
GeoNames place in the same country, so a spelling only GeoNames knows still
finds the hand-written entry. Entries that already have one are left alone.

    python3 scripts/link-places.py          # rewrites rules/places.yaml
    python3 scripts/link-places.py --dry    # prints the links only
"""
import os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "rules")


def fold(s):
    s = re.sub("[\u064b-\u0652\u0640]", "", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "ء").replace("ئ", "ء")
    s = s.lower().replace("-", " ")
    w = s.split()
    if w and w[0].startswith("ال") and len(w[0]) > 3:
        w[0] = w[0][2:]
    return " ".join(w)


world = {}
by_name = {}
for line in open(os.path.join(root, "gazetteer.tsv"), encoding="utf-8"):
    if line.startswith("#"):
        continue
    c = line.rstrip("\n").split("\t")
    pid = c[0].lower() if c[1] == "country" else c[0]
    par = (c[2].lower() if "." not in c[2] else c[2]) if c[2] else None
    world[pid] = (c[1], par, int(c[3]))
    for n in [c[4]] + c[5].split("|"):
        if n:
            by_name.setdefault(fold(n), set()).add(pid)


def country(pid):
    while world[pid][1]:
        pid = world[pid][1]
    return pid


text = open(os.path.join(root, "places.yaml"), encoding="utf-8").read()
entries = re.split(r"(?m)^(?=  - id: )", text)
yaml_parent = {}
for e in entries[1:]:
    i = re.search(r"id: (\S+)", e).group(1)
    p = re.search(r"(?m)^    parent: (\S+)", e)
    yaml_parent[i] = p.group(1) if p else None


def ycountry(i):
    while yaml_parent.get(i):
        i = yaml_parent[i]
    return i


out = [entries[0]]
links = 0
for e in entries[1:]:
    if "geonames:" in e:
        out.append(e)
        continue
    i = re.search(r"id: (\S+)", e).group(1)
    kind = re.search(r"(?m)^    kind: (\S+)", e).group(1)
    names = re.search(r"(?m)^    names: \[(.*)\]", e)
    names = [n.strip().strip('"') for n in names.group(1).split(",")] if names else []
    cc = ycountry(i)
    want = {"governorate": "region", "region": None, "country": None}.get(kind, "city")
    cands = set()
    for n in names:
        cands |= by_name.get(fold(n), set())
    cands = [p for p in cands if country(p) == cc and want and world[p][0] == want]
    if kind == "governorate" and not cands:
        cands = []
    if not cands:
        out.append(e)
        continue
    best = max(cands, key=lambda p: world[p][2])
    links += 1
    print(f"{i} -> {best}", file=sys.stderr)
    e = re.sub(r"(?m)^(    kind: \S+\n)", lambda m: m.group(1) + f'    geonames: "{best}"\n', e, count=1)
    out.append(e)
print(f"{links} entries linked", file=sys.stderr)
if "--dry" not in sys.argv:
    open(os.path.join(root, "places.yaml"), "w", encoding="utf-8").write("".join(out))
