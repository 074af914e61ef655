#!/usr/bin/env python3
"""Compiles Marsad's built-in actor registry (src/Marsad.Analysis/Resources/actors/*.tsv).

Reads the shared gazetteers (../shared/data/gazetteers) and event-coding data (../shared/data/events)
plus the two hand-typed files beside this script, and writes compact TSV resources, each starting with
'#' header lines naming the sources and their licences. Deterministic: same inputs → same bytes.

Usage (from the repo root):  python3 tools/actors/build_registry.py [--data ../shared/data]
"""
import argparse, os, re, sys, unicodedata
from collections import OrderedDict, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
OUT = os.path.join(ROOT, 'src', 'Marsad.Analysis', 'Resources', 'actors')

def read_tsv(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        header = None
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                if line.startswith('# id') or line.startswith('#\tid'):
                    pass
                continue
            cells = line.split('\t')
            if header is None:
                header = cells
                continue
            cells += [''] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows

def read_curated(path, header):
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cells = line.split('\t')
            cells += [''] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows

FOLD = {'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ة': 'ه'}
def fold(s):
    s = re.sub('[\u064b-\u065f\u0640\u0670]', '', s)
    return ''.join(FOLD.get(c, c) for c in s).replace('اميرك', 'امريك')

def slug(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^A-Za-z0-9]+", '-', s.lower()).strip('-')
    return s or 'x'

def clean_ar(s):
    s = s.strip().replace('\u00a0', ' ')
    s = re.sub(r'\s*\(.*?\)\s*', ' ', s)
    return re.sub(r'\s+', ' ', s).strip()

def split_multi(s):
    return [clean_ar(x) for x in s.split('|') if clean_ar(x)]

ARABIC = re.compile(r'^[\u0621-\u064A\u0660-\u0669\u0670-\u06D3A-Za-z \-]+$')
# Variants that are ordinary words more often than names (العربية "Arabic", الجزيرة "the island", الأطلسي
# "the Atlantic", قنا "canal", النصرة "support"): never registered as names.
AMBIGUOUS = {'العربية', 'الجزيرة', 'الأطلسي', 'قنا', 'النصرة', 'العربيه', 'مجلس الأمن القومي'}
def is_arabic(s):
    return bool(s) and bool(ARABIC.match(s))

# English role label -> (role key, CAMEO sector suffix). Order matters: first match wins.
ROLE_RULES = [
    (r'^President of the European Commission', 'eu_commission_president', 'IGOEEC'),
    (r'^EU High Representative', 'eu_high_representative', 'IGOEEC'),
    (r'^Secretary[- ]General of the United Nations', 'un_secretary_general', 'IGOUNO'),
    (r'^Secretary General of NATO', 'nato_secretary_general', 'IGONAT'),
    (r'^UN Special Envoy for (\w+)', 'un_envoy', 'IGOUNO'),
    (r'^(Vice President|Vice-President)$', 'vice_president', 'GOV'),
    (r'^President( of [A-Z].*)?$', 'president', 'GOV'),
    (r'^(Prime Minister|Premier of the State Council|Premier)$', 'prime_minister', 'GOV'),
    (r'^Chancellor$', 'prime_minister', 'GOV'),
    (r'^(Minister (of|for) Foreign Affairs|Secretary of State|Foreign Secretary|Secretary of State for Foreign.*|Minister of Foreign Affairs \(acting\))$', 'foreign_minister', 'GOV'),
    (r'^Minister of State for Foreign Affairs$', 'foreign_minister_of_state', 'GOV'),
    (r'^Deputy Minister of Foreign Affairs$', 'deputy_foreign_minister', 'GOV'),
    (r'^(Minister (of|for) Defen[cs]e|Secretary of Defense|Secretary of State for Defence)$', 'defense_minister', 'MIL'),
    (r'^(Minister of (the )?Interior|Minister of Internal Affairs|Home Secretary|Secretary of State for the Home Department)$', 'interior_minister', 'GOV'),
    (r'^(Minister of (the )?Finance|Minister of Finance|Secretary of the Treasury|Chancellor of the Exchequer)$', 'finance_minister', 'GOV'),
    (r'^National Security Advisor$', 'national_security_advisor', 'GOV'),
    (r'^Secretary of the Security Council', 'security_council_secretary', 'GOV'),
    (r'^Deputy Chairman of the Security Council', 'security_council_deputy_chairman', 'GOV'),
    (r'^Permanent Representative to the United Nations$', 'un_ambassador', 'GOV'),
    (r'^Ambassador to the United States$', 'ambassador_to_usa', 'GOV'),
    (r'^Chief of the General Staff$', 'chief_of_staff', 'MIL'),
    (r'^King$', 'king', 'GOV'),
    (r'^Emir$', 'emir', 'GOV'),
    (r'^Crown Prince$', 'crown_prince', 'GOV'),
    (r'^Supreme Leader$', 'supreme_leader', 'GOV'),
    (r'^(Press Secretary of the President of Russia.*|White House Press Secretary)$', 'presidential_spokesperson', 'GOV'),
    (r'^(Foreign Ministry Spokesperson|Spokesperson for the Department of State)$', 'mfa_spokesperson', 'GOV'),
    (r'^Director of the CIA$', 'cia_director', 'SPY'),
    (r'^Director of the Federal Security Service', 'fsb_director', 'SPY'),
    (r'^Director of the Foreign Intelligence Service', 'svr_director', 'SPY'),
    (r'^(Speaker of the Parliament|Chairman of the State Duma|Chairman of the Federation Council|Speaker of the House of Representatives)$', 'speaker', 'LEG'),
    (r'^Aide to the President', 'presidential_aide', 'GOV'),
    (r'^(Deputy Prime Minister|First Deputy Prime Minister)$', 'deputy_prime_minister', 'GOV'),
    (r'^(Minister|Secretary) ', 'minister', 'GOV'),
    (r'^(Justice|Judge|judge|Chief Justice)', 'judge', 'JUD'),
    (r'[Aa]mbassador', 'ambassador', 'GOV'),
    (r'.', 'official', 'GOV'),
]
ROLE_RES = [(re.compile(p), k, c) for p, k, c in ROLE_RULES]

def role_of(label, iso3):
    for rx, key, code in ROLE_RES:
        if rx.search(label):
            if code.startswith('IGO'):
                return key, code
            if iso3 == 'INT' or not iso3:
                return key, 'IGO'
            return key, iso3 + code
    return 'official', iso3 + 'GOV'

# Institutions generated for every country: (id suffix, English pattern, CAMEO suffix, Arabic patterns).
# {c} = country name, {f} = feminine definite demonym (الروسية), {m} = masculine definite demonym (الروسي).
INSTITUTIONS = [
    ('gov', 'Government of {e}', 'GOV', ['الحكومة {f}', 'حكومة {c}', 'السلطات {f}', 'الإدارة {f}']),
    ('mfa', '{e} Ministry of Foreign Affairs', 'GOV', ['وزارة الخارجية {f}', 'الخارجية {f}', 'وزارة خارجية {c}', 'الدبلوماسية {f}']),
    ('mod', '{e} Ministry of Defence', 'MIL', ['وزارة الدفاع {f}', 'الدفاع {f}', 'وزارة دفاع {c}']),
    ('moi', '{e} Ministry of the Interior', 'GOV', ['وزارة الداخلية {f}', 'الداخلية {f}', 'وزارة داخلية {c}']),
    ('mil', '{e} armed forces', 'MIL', ['الجيش {m}', 'القوات {f}', 'القوات المسلحة {f}', 'جيش {c}']),
    ('leg', '{e} parliament', 'LEG', ['البرلمان {m}', 'برلمان {c}']),
    ('spy', '{e} intelligence services', 'SPY', ['المخابرات {f}', 'الاستخبارات {f}']),
    ('presidency', 'Presidency of {e}', 'GOV', ['الرئاسة {f}', 'رئاسة {c}']),
    ('moj', '{e} Ministry of Justice', 'JUD', ['وزارة العدل {f}', 'وزارة عدل {c}']),
    ('mof', '{e} Ministry of Finance (Treasury)', 'GOV', ['وزارة المالية {f}', 'وزارة الخزانة {f}', 'الخزانة {f}', 'وزارة مالية {c}']),
    ('cop', '{e} police and security forces', 'COP', ['الشرطة {f}', 'شرطة {c}', 'قوات الأمن {f}', 'أجهزة الأمن {f}', 'الأمن {m}']),
]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    args = ap.parse_args()
    gz = os.path.join(args.data, 'gazetteers')
    ev = os.path.join(args.data, 'events')

    actors = OrderedDict()   # id -> dict
    roles = []               # (actor_id, role_key, code, title, from, to, source)
    def add_actor(aid, kind, country, code, name_en, name_ar, variants, source, lat='', lon=''):
        a = actors.get(aid)
        if a is None:
            a = actors[aid] = dict(id=aid, kind=kind, country=country, code=code, name_en=name_en,
                                   name_ar=name_ar, variants=[], sources=[], lat=lat, lon=lon)
        if not a['name_ar'] and name_ar:
            a['name_ar'] = name_ar
        for v in ([name_ar] if name_ar else []) + list(variants):
            v = clean_ar(v)
            if v and v != a['name_ar'] and v not in a['variants'] and is_arabic(v) and v not in AMBIGUOUS:
                a['variants'].append(v)
        if source not in a['sources']:
            a['sources'].append(source)
        return a

    # ---- countries, demonyms, capitals
    countries = read_tsv(os.path.join(gz, 'countries.tsv'))
    iso2to3 = {c['iso2']: c['iso3'] for c in countries}
    cameo = {r['code']: r for r in read_tsv(os.path.join(ev, 'cameo_country_codes.tsv'))}
    curated_c = read_tsv(os.path.join(gz, 'countries_curated.tsv'))
    demonym_rows = read_tsv(os.path.join(gz, 'demonyms.tsv'))
    demonyms = defaultdict(list)  # iso3 -> [(form, gender)]
    def add_dem(iso3, form, g):
        form = clean_ar(form)
        if form and is_arabic(form) and (form, g) not in demonyms[iso3]:
            demonyms[iso3].append((form, g))
    country_name = {}
    metonyms = []  # (arabic, gov id, place id, type)
    for c in countries:
        iso3 = c['iso3']
        cid = iso3.lower()
        names = [c['arabic'], c['arabic_official']] + split_multi(c['arabic_variants'])
        cm = cameo.get(iso3)
        if cm:
            names += [cm['name_ar_cldr'], cm['name_ar_cldr_alt'], cm['name_ar_iso_codes'], cm['official_name_ar_iso_codes']]
        names += [r['arabic'] for r in curated_c if r['iso2'] == c['iso2'] and r['type'] == 'name_variant']
        names = [clean_ar(n) for n in names if clean_ar(n)]
        add_actor(cid, 'country', iso3, iso3, c['english'], clean_ar(c['arabic']), names, 'mledoze+cldr+umpirsky+arwikicats')
        country_name[iso3] = (c['english'], clean_ar(c['arabic']))
        for col, g in (('demonym_masc', 'm'), ('demonym_fem', 'f'), ('demonym_masc_pl', 'mp'), ('demonym_fem_pl', 'fp')):
            add_dem(iso3, c[col], g)
        for v in split_multi(c['demonym_variants']):
            add_dem(iso3, v, 'm' if not v.endswith('ة') else 'f')
        if c['capital_arabic']:
            metonyms.append((clean_ar(c['capital_arabic']), cid + '-gov', 'capital'))
    for d in demonym_rows:
        iso3 = iso2to3.get(d['iso2'])
        if not iso3 or d['historic_or_subnational']:
            continue
        for col, g in (('masc', 'm'), ('fem', 'f'), ('masc_pl', 'mp'), ('fem_pl', 'fp')):
            add_dem(iso3, d[col], g)
    for r in curated_c:
        iso3 = iso2to3.get(r['iso2'])
        if not iso3:
            continue
        t = r['type']
        if t.startswith('demonym'):
            add_dem(iso3, r['arabic'], 'f' if t.endswith('fem') else ('mp' if t.endswith('pl') else 'm'))
        elif t == 'metonym_capital':
            metonyms.append((clean_ar(r['arabic']), iso3.lower() + '-gov', 'capital'))
        elif t == 'metonym_institution':
            metonyms.append((clean_ar(r['arabic']), iso3.lower() + '-gov', 'institution'))
    # spelling variants of the demonyms that matter most (أميركي beside أمريكي is folded at match time)

    # ---- generated institutions per country
    def defn(form):
        return form if form.startswith('ال') else 'ال' + form
    for c in countries:
        iso3 = c['iso3']
        forms = demonyms.get(iso3, [])
        masc = [defn(f) for f, g in forms if g == 'm' and ' ' not in f]
        fem = [defn(f) for f, g in forms if g == 'f' and ' ' not in f]
        cnames = [clean_ar(c['arabic'])]
        if not masc or not fem:
            continue
        for suffix, en, sector, pats in INSTITUTIONS:
            if suffix == 'presidency' and iso3 in ('RUS', 'USA'):
                continue  # the Kremlin and the White House (curated below) are these presidencies
            variants = []
            for p in pats:
                if '{c}' in p:
                    variants += [p.format(c=n) for n in cnames if n]
                elif '{f}' in p:
                    variants += [p.format(f=f) for f in fem[:2]]
                else:
                    variants += [p.format(m=m) for m in masc[:2]]
            add_actor(f'{iso3.lower()}-{suffix}', 'organization', iso3, iso3 + sector,
                      en.format(e=c['english']), variants[0], variants[1:], 'marsad:institution-patterns')

    # ---- cities (GeoNames/Natural Earth with Arabic names)
    # One-word city names that are also common Arabic words (بن "son of", دولة "state", ليل "night", العين "eye" …)
    # or first names (فلاديمير) would link ordinary words to places; they are left out.
    common_words = set('بن مدينة المدينة وان دولة الجزيرة ليل فلاديمير لاول اب إب طراز مالية ماليه هوية سالم ديلي الخمس سوري رياض '
                       'إنسان انسان ميدان حصار الزاوية العين سول هوي ماري مريم أمل امل نور بيان سلام قمة قمه حماية كرم'.split())
    for p in read_tsv(os.path.join(gz, 'places.tsv')):
        if not p['arabic']:
            continue
        iso3 = iso2to3.get(p['country_iso2'], '')
        try:
            pop = int(p['population'] or 0)
        except ValueError:
            pop = 0
        if p['kind'] not in ('capital', 'capital_alt') and pop < 200000:
            continue
        pid = 'city-' + slug(p['english'])
        if pid in actors:
            pid += '-' + iso3.lower()
        if pid in actors:
            continue
        names = [n for n in [clean_ar(p['arabic'])] + split_multi(p['arabic_variants']) if n not in common_words and len(n) > 2]
        if not names:
            continue
        add_actor(pid, 'city', iso3, iso3, p['english'], names[0], names[1:],
                  'geonames+naturalearth+arwikicats', p['lat'], p['lon'])

    # ---- organizations
    org_by_arabic = {}
    for a in actors.values():
        if a['kind'] == 'organization':
            for v in [a['name_ar']] + a['variants']:
                org_by_arabic.setdefault(v, a['id'])
    cur_orgs = read_tsv(os.path.join(gz, 'organizations_curated.tsv'))
    intl_codes = {r['name']: r['code'] for r in read_tsv(os.path.join(ev, 'cameo_international_actor_codes.tsv'))}
    org_code_hint = {'nato': 'IGONAT', 'un': 'IGOUNO', 'unsc': 'IGOUNO', 'unga': 'IGOUNO', 'eu': 'IGOEEC',
                     'osce': 'IGOSCE', 'iaea': 'IGOUNOIAE', 'arab_league': 'IGOARL', 'g7': 'IGOGOS', 'g20': 'IGO',
                     'brics': 'IGO', 'sco': 'IGO', 'csto': 'IGO'}
    type_sector = {'government_body': 'GOV', 'ministry': 'GOV', 'intelligence_agency': 'SPY', 'legislature': 'LEG',
                   'news_agency': 'MED', 'media': 'MED', 'military_alliance': 'IGO', 'intl_org': 'IGO'}
    for o in cur_orgs:
        iso3 = iso2to3.get(o['country'], '') if o['country'] != 'INT' else ''
        names = [clean_ar(o['arabic'])] + split_multi(o['arabic_variants'])
        existing = next((org_by_arabic[n] for n in names if n in org_by_arabic), None)
        if o['id'] == 'kremlin':
            names.append('الرئاسة الروسية')
        if o['id'] == 'white_house':
            names += ['الرئاسة الأمريكية', 'الرئاسة الأميركية']
        if existing and o['id'] not in ('kremlin', 'white_house'):
            a = add_actor(existing, 'organization', iso3, actors[existing]['code'], o['english'], names[0], names[1:], 'curated:organizations_curated')
            a['name_en'] = o['english']
            continue
        code = org_code_hint.get(o['id']) or ((iso3 + ('GOV' if o['id'] in ('kremlin', 'white_house') else type_sector.get(o['type'], 'GOV'))) if iso3 else 'IGO')
        if o['id'] == 'pentagon':
            code = 'USAMIL'
        add_actor(o['id'].replace('_', '-'), 'organization', iso3, code, o['english'], names[0], names[1:], 'curated:organizations_curated')
    for o in read_curated(os.path.join(HERE, 'curated_organizations.tsv'), ['id', 'arabic', 'arabic_variants', 'english', 'country_iso3', 'code']):
        add_actor(o['id'].replace('_', '-'), 'organization', o['country_iso3'], o['code'], o['english'], clean_ar(o['arabic']),
                  split_multi(o['arabic_variants']), 'marsad:curated_organizations')
    # ArWikiCats organisation pairs: keep the ones that name one institution (not a category of them)
    for o in read_tsv(os.path.join(gz, 'organizations.tsv')):
        ar = clean_ar(o['arabic'])
        if not is_arabic(ar) or ar.startswith('منظمات') or ar.startswith('شركات') or ' ' not in ar:
            continue
        if re.search(r'organizations$|companies|people|regional council|post-|participants|falls|scandal|design|member', o['english']):
            continue
        # Only names of one institution; generic labels (الحزب الشيوعي، الجمعية الوطنية) would link ordinary phrases.
        if not re.search(r'organi[sz]ation (of|for)|commission|council|committee|court|times$|post$|parliament of|nato|directorate|'
                         r'service of|navy|air force|intelligence service|petroleum|treaty|\(|league|bank', o['english']):
            continue
        oid = 'org-' + slug(o['english'])
        if oid in actors or ar in org_by_arabic:
            continue
        add_actor(oid, 'organization', '', 'IGO' if re.search(r'international|united nations|world|arab|african|islamic|european', o['english']) else '',
                  o['english'].title(), ar, [], 'arwikicats:organizations')

    # ---- persons
    phoenix = defaultdict(list)   # ENGLISH NAME -> [(code, from, to)]
    for r in read_tsv(os.path.join(ev, 'actors_timebounded_rus_usa_mena.tsv')):
        if r['flags'] or not r['code']:
            continue
        for n in [r['name']] + r['synonyms'].split('|'):
            if n:
                phoenix[n.strip().upper()].append((r['code'], r['valid_from'], r['valid_to']))
    translit = {r['id']: r for r in read_tsv(os.path.join(gz, 'persons_translit_derived.tsv'))}
    person_ids = {}   # source id -> actor id
    def person_id(src_id, english):
        if src_id in person_ids:
            return person_ids[src_id]
        aid = slug(english)
        if aid in actors and actors[aid]['kind'] != 'person':
            aid += '-person'
        taken = {v for k, v in person_ids.items() if k != src_id}
        if aid in taken:
            aid = aid + '-' + slug(src_id)
        person_ids[src_id] = aid
        return aid
    def add_person(src_id, english, arabic, variants, iso3, role, start, end, source):
        aid = person_id(src_id, english)
        add_actor(aid, 'person', '' if iso3 == 'INT' else iso3, '', english, clean_ar(arabic), variants, source)
        if role:
            key, code = role_of(role, iso3)
            roles.append((aid, key, code, role, start, end, source))
        return aid
    curated_persons = read_curated(os.path.join(HERE, 'curated_persons.tsv'),
                                   ['id', 'english', 'arabic', 'arabic_variants', 'country_iso3', 'role', 'start', 'end'])
    by_english = {}
    for p in read_tsv(os.path.join(gz, 'persons_curated.tsv')) + curated_persons:
        sid = by_english.setdefault(p['english'], p['id'])
        add_person(sid, p['english'], p['arabic'], split_multi(p['arabic_variants']), p['country_iso3'], p['role'],
                   p['start'], p['end'], 'curated:persons_curated' if not p['id'].startswith('curated:') or p in curated_persons and False else 'curated')
    for p in read_tsv(os.path.join(gz, 'persons.tsv')):
        sid = by_english.get(p['english'], p['id'])
        arabic = clean_ar(p['arabic'])
        variants = split_multi(p['arabic_variants'])
        if not arabic:
            t = translit.get(p['id'])
            if t and '?' not in t['arabic_guess'] and ' ' in t['arabic_guess'].strip():
                arabic = clean_ar(t['arabic_guess'])
        add_person(sid, p['english'], arabic, variants, p['country_iso3'], p['role'], p['start'], p['end'],
                   'epscrapers' + ('' if p['arabic'] else '+netranslit-guess'))
    # UniversalPetrarch Arabic actor dictionary (MIT): multi-word person names with dated CAMEO codes. Phrases are
    # lemmatised (ال often dropped), so only name-like phrases are taken: 2–5 words, none of them a title or an
    # institution word. A phrase equal to a known name adds its dated codes to that person; others become persons.
    title_words = set('رئيس وزير أمير امير ملك شيخ إدارة ادارة وزارة جامعة ولاية قائد سفير مستشار بيت حكومة مجلس حزب '
                      'جيش قوة قوات منظمة حركة جبهة لجنة هيئة شركة بنك مدينة محافظة دولة جمهورية مملكة نائب متحدث '
                      'ناطق زعيم مرشد رئيسة وزيرة عاصمة قصر مكتب ديوان اتحاد جماعة تنظيم مؤسسة مركز وكالة صحيفة قناة '
                      'شعب مسؤول سلطة محكمة برلمان أمين امين رابطة نقابة'.split())
    first_names = set()
    for r in read_tsv(os.path.join(gz, 'person_names.tsv')):
        if r['kind'] in ('given_male', 'given_female') or (r['kind'] == 'name_token' and (r['count'] or '0').isdigit() and int(r['count']) >= 3):
            first_names.add(clean_ar(r['arabic']))
    allowed_sectors = ('GOV', 'MIL', 'LEG', 'JUD', 'ELI', 'PTY', 'OPP', 'REB', 'SPY', 'COP', 'UAF', 'IGO', 'INS')
    known_name = {}
    for a in actors.values():
        if a['kind'] == 'person':
            for v in [a['name_ar']] + a['variants']:
                if v:
                    known_name.setdefault(fold(v), a['id'])
    for r in read_tsv(os.path.join(ev, 'ar_upetrarch_actors.tsv')):
        code = r['code']
        words = r['phrase'].split()
        if r['flags'] or len(code) < 6 or not (2 <= len(words) <= 5) or not is_arabic(r['phrase']):
            continue
        if any(w in title_words or len(w) < 2 for w in words) or code[:3] not in iso2to3.values():
            continue
        if words[0] not in first_names or code[3:6] not in allowed_sectors:
            continue
        phrase = ' '.join(words)
        aid = known_name.get(fold(phrase))
        if aid is None:
            aid = 'upe-' + r['actor_id']
            if aid not in actors:
                add_actor(aid, 'person', code[:3], code, '', phrase, [], 'upetrarch')
                known_name[fold(phrase)] = aid
            elif phrase != actors[aid]['name_ar']:
                add_actor(aid, 'person', code[:3], code, '', phrase, [phrase], 'upetrarch')
        roles.append((aid, 'official', code, 'CAMEO dated code (UniversalPetrarch Arabic dictionary)', r['valid_from'], r['valid_to'], 'upetrarch'))

    # CAMEO base code of each person: the code of their latest role; Phoenix codes where names match
    latest = {}
    for r in roles:
        if r[0] not in latest or (r[4] or '') > (latest[r[0]][4] or ''):
            latest[r[0]] = r
    for aid, a in actors.items():
        if a['kind'] != 'person':
            continue
        if aid in latest:
            a['code'] = latest[aid][2]
        ph = phoenix.get(a['name_en'].upper())
        if ph:
            for code, f, t in ph:
                roles.append((aid, 'official', code, 'CAMEO dated code (Phoenix dictionary)', f, t, 'oedaphoenix'))
            if not a['code']:
                a['code'] = ph[-1][0]
    # A family-name alias is registered only when it is unique among persons and the curated data gave it.

    # ---- write
    os.makedirs(OUT, exist_ok=True)
    head = lambda what: (
        f"# Marsad built-in actor registry: {what}\n"
        "# Generated by tools/actors/build_registry.py; do not edit by hand (add corrections to the curated files or a user registry).\n"
        "# Sources and licences: gazetteers (mledoze/countries ODbL-1.0; Unicode CLDR, Unicode License v3; umpirsky/country-list MIT;\n"
        "#   ArWikiCats MIT; GeoNames CC BY 4.0; Natural Earth public domain; every-politician-scrapers/Wikidata CC0;\n"
        "#   NETransliteration CC0; Debian iso-codes LGPL-2.1+), event data (OEDA Phoenix dictionaries MIT; UniversalPetrarch MIT;\n"
        "#   CAMEO codes from the CAMEO manual, CC BY-NC-SA 3.0: codes only, no text), and curated rows typed from general knowledge\n"
        "#   (shared curated files and tools/actors/curated_*.tsv: verify before relying on them). See ../shared/data/*/README.md.\n")
    def w(name, header, rows, what):
        with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='\n') as f:
            f.write(head(what))
            f.write('\t'.join(header) + '\n')
            for r in rows:
                f.write('\t'.join(x.replace('\t', ' ') for x in r) + '\n')
    w('actors.tsv', ['id', 'kind', 'country', 'code', 'name_en', 'name_ar', 'variants', 'lat', 'lon'],
      [(a['id'], a['kind'], a['country'], a['code'], a['name_en'], a['name_ar'], '|'.join(a['variants']), a['lat'], a['lon'])
       for a in actors.values()], 'actors (id, kind, ISO 3166 alpha-3 country, CAMEO code, names)')
    seen = set(); rrows = []
    for r in roles:
        if r[:6] in seen:
            continue
        seen.add(r[:6]); rrows.append(r[:6])
    w('roles.tsv', ['actor', 'role', 'code', 'title', 'from', 'to'], rrows, 'dated roles of persons')
    w('demonyms.tsv', ['country', 'form', 'gender'], [(k, f, g) for k, fs in demonyms.items() for f, g in fs],
      'nationality adjectives and peoples (m, f, mp = masculine plural, fp)')
    seen = set(); mrows = []
    for ar, gov, t in metonyms:
        if ar and (ar, gov) not in seen:
            seen.add((ar, gov)); mrows.append((ar, gov, t))
    w('metonyms.tsv', ['arabic', 'actor', 'type'], mrows, 'capitals and institutions standing for a government')
    # Agents: generic role nouns → CAMEO sector code (UniversalPetrarch agents.all.ar, MIT)
    agents = OrderedDict()
    for r in read_tsv(os.path.join(ev, 'ar_upetrarch_agents.tsv')):
        if r['flags'] or not r['code'].startswith('~'):
            continue
        ar = clean_ar(r['arabic'])
        if is_arabic(ar) and len(ar.split()) <= 3:
            agents.setdefault(ar, r['code'][1:])
    w('agents.tsv', ['arabic', 'sector'], list(agents.items()), 'role nouns and their CAMEO sector (UniversalPetrarch agents, MIT)')
    # Given-name tokens used to recognise unknown person names (akhateeb MIT; NETransliteration CC0)
    toks = set()
    for r in read_tsv(os.path.join(gz, 'person_names.tsv')):
        if r['kind'] in ('given_male', 'given_female'):
            toks.add(clean_ar(r['arabic']))
        elif r['kind'] == 'name_token':
            try:
                n = int(r['count'] or 0)
            except ValueError:
                n = 0
            if n >= 3:
                toks.add(clean_ar(r['arabic']))
    for a in actors.values():
        if a['kind'] == 'person':
            for v in [a['name_ar']] + a['variants']:
                if v and ' ' in v:
                    toks.add(v.split()[0])
    # Function words and very common words that the Wikidata token table also holds as name spellings.
    common = set('في من على عن إلى الى أن ان إن بان بأن لا ما هو هي مع قد كان كانت قال لم لن ثم أو او أي اي كل بعد قبل عند '
                 'حتى إذا اذا منذ ذلك هذا هذه التي الذي بين خلال حول ضد دون غير لدى لكن بل نحو عبر وفق يوم عام شهر رئيس وزير '
                 'مدير دولة حكومة مجلس جيش قوات حزب أمس اليوم لقد وقد وقال كما أمام'.split())
    common |= set('معظم والي أكثر بعض جميع'.split())
    # A token that is also a common noun or adjective (بيان، نجم، تركي، أمل) is written with the article about as often as
    # without it; a first name hardly ever (محمد, أشرف). Marked `plain`: such a token names a person only after a title.
    counts = word_counts(os.path.join(ROOT, 'src/Marsad.Analysis/Resources/lexicon/words.tsv'))
    def plain(t):
        f = fold_lex(t)
        return int(counts.get('ال' + f, 0) > 0.15 * max(1, counts.get(f, 0)))
    w('given_names.tsv', ['token', 'plain'], [(t, str(plain(t))) for t in sorted(t for t in toks if is_arabic(t) and ' ' not in t and len(t) > 2 and t not in common)],
      'first-name tokens used to spot unknown persons after a title; plain = 1 when the token is also a common word '
      '(article share measured with our lexicon/words.tsv word counts)')
    print(f'{len(actors)} actors, {len(rrows)} roles, {sum(len(v) for v in demonyms.values())} demonyms, {len(mrows)} metonyms, {len(agents)} agents, {len(toks)} name tokens', file=sys.stderr)

def word_counts(path):
    """Word form → count from our lexicon (src/Marsad.Analysis/Resources/lexicon/words.tsv)."""
    counts = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#'):
                continue
            p = line.rstrip('\n').split('\t')
            if len(p) >= 2 and p[1].isdigit():
                counts[p[0]] = int(p[1])
    return counts


def fold_lex(t):
    """The lexicon's folding of a word: alef forms, alef maqsura and taa marbuta folded, no diacritics."""
    t = re.sub('[\u064B-\u0652\u0670\u0640]', '', t)
    return re.sub('[إأآٱ]', 'ا', t).replace('ى', 'ي').replace('ة', 'ه')


if __name__ == '__main__':
    main()
