#!/usr/bin/env python3
"""Generates seeds/demo.json: the demo data DealPipeline loads into a new database.

Deterministic (fixed random seed), so the committed file can be regenerated identically:
    python3 tools/generate_seeds.py > seeds/demo.json
Modelled on the five park articles in ../shared/seeds: Daxing digital health park, Jinan
International Medical Center, Hangzhou Medical Port, Beijing E-Town, Zhongshan Torch health base.
"""
import datetime as dt
import json
import pathlib
import random

rng = random.Random(20261122)
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(region):
    body = "91" + region + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    s = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    check = 31 - s % 31
    return body + ALPHABET[0 if check == 31 else check]


parks = [
    {"key": "daxing", "name": "大兴经济开发区数字健康产业园", "city": "北京", "region": "110115"},
    {"key": "jinan", "name": "济南国际医学中心", "city": "济南", "region": "370112"},
    {"key": "hangzhou", "name": "杭州医药港", "city": "杭州", "region": "330114"},
    {"key": "etown", "name": "北京经济技术开发区（亦庄）", "city": "北京", "region": "110302"},
    {"key": "zhongshan", "name": "中山火炬开发区健康医药产业基地", "city": "中山", "region": "442000"},
]

sectors = [
    {"key": "biomed", "name": "生物医药", "parent": None},
    {"key": "drugs", "name": "创新药", "parent": "biomed"},
    {"key": "synbio", "name": "合成生物", "parent": "biomed"},
    {"key": "gene", "name": "细胞与基因治疗", "parent": "biomed"},
    {"key": "cdmo", "name": "CDMO", "parent": "biomed"},
    {"key": "devices", "name": "医疗器械", "parent": None},
    {"key": "ivd", "name": "体外诊断", "parent": "devices"},
    {"key": "hidev", "name": "高端医疗器械", "parent": "devices"},
    {"key": "digital", "name": "数字健康", "parent": None},
    {"key": "bigdata", "name": "健康医疗大数据", "parent": "digital"},
    {"key": "aimed", "name": "智慧医疗与AI", "parent": "digital"},
    {"key": "care", "name": "高端医疗服务", "parent": None},
]
leaf_sectors = ["drugs", "synbio", "gene", "cdmo", "ivd", "hidev", "bigdata", "aimed", "care"]

teams = [
    {"key": "bio", "name": "生物医药招商专班"},
    {"key": "dev", "name": "医疗器械招商专班"},
    {"key": "dig", "name": "数字健康招商专班"},
    {"key": "sz", "name": "深圳招商工作组"},
    {"key": "intl", "name": "国际招商专班"},
]

people = ["王磊", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄婷", "周杰", "吴昊", "徐丽", "孙涛"]
# The demo keys are documented in the README and loaded only in Development.
users = [{"key": "admin", "name": "系统管理员", "role": "admin", "team": None, "apiKey": "dp_demo_admin_key"},
         {"key": "mgr1", "name": "马建国", "role": "manager", "team": None, "apiKey": "dp_demo_manager_key"},
         {"key": "mgr2", "name": "林晓红", "role": "manager", "team": None},
         {"key": "bi", "name": "BI 数据接口", "role": "analyst", "team": None, "apiKey": "dp_demo_analyst_key"}]
for i, name in enumerate(people):
    users.append({"key": f"o{i + 1}", "name": name, "role": "officer", "team": teams[i % len(teams)]["key"]})
users[4]["apiKey"] = "dp_demo_officer_key"
officers = [u for u in users if u["role"] == "officer"]

cities = ["北京", "上海", "深圳", "杭州", "苏州", "广州", "济南", "天津", "成都", "武汉", "南京", "中山"]
prefixes = ["康源", "华新", "博瑞", "诺和", "天衡", "瑞普", "恒瑞达", "百济康", "中科智", "安诺", "思路迪", "美迪", "普华", "迈瑞康",
            "泰格", "凯莱", "联影智", "贝达", "信达医", "君实康", "药明达", "华大智", "九州通", "海正医", "和元生", "华熙", "未名",
            "万孚", "圣湘", "明德", "新华医", "东方基因", "鱼跃", "乐普", "微创", "心脉", "健帆", "先健", "启明", "汇医"]
kinds = {"drugs": "生物医药", "synbio": "合成生物科技", "gene": "基因科技", "cdmo": "医药技术服务", "ivd": "诊断技术",
         "hidev": "医疗器械", "bigdata": "健康数据科技", "aimed": "智能医疗科技", "care": "医疗管理"}
foreign = [("Helix Therapeutics", "US", "USD"), ("Nordbio GmbH", "DE", "EUR"), ("Sakura Medical", "JP", "JPY"),
           ("Hanbit Bio", "KR", "KRW"), ("Meridian Devices", "US", "USD"), ("Rhein Diagnostics", "DE", "EUR"),
           ("Kyoto Precision Medical", "JP", "JPY"), ("Boston Gene Labs", "US", "USD")]

companies = []
used = set()
while len(companies) < 160:
    prefix = rng.choice(prefixes)
    sector = rng.choice(leaf_sectors)
    city = rng.choice(cities)
    name = f"{city}{prefix}{kinds[sector]}有限公司"
    if name in used:
        continue
    used.add(name)
    companies.append({"key": f"c{len(companies) + 1}", "name": name, "creditCode": credit_code(rng.choice(parks)["region"]),
                      "country": "CN", "city": city, "sector": sector, "currency": "CNY"})
for name, country, currency in foreign:
    companies.append({"key": f"c{len(companies) + 1}", "name": name, "creditCode": None, "country": country, "city": None,
                      "sector": rng.choice(leaf_sectors), "currency": currency})

fx = [
    {"currency": "USD", "rate": 7.1004, "effectiveOn": "2024-10-01"},
    {"currency": "USD", "rate": 7.2468, "effectiveOn": "2025-06-30"},
    {"currency": "USD", "rate": 7.1328, "effectiveOn": "2026-06-30"},
    {"currency": "EUR", "rate": 7.7312, "effectiveOn": "2024-10-01"},
    {"currency": "EUR", "rate": 8.2210, "effectiveOn": "2026-06-30"},
    {"currency": "JPY", "rate": 0.04812, "effectiveOn": "2024-10-01"},
    {"currency": "JPY", "rate": 0.04695, "effectiveOn": "2026-06-30"},
    {"currency": "KRW", "rate": 0.005214, "effectiveOn": "2024-10-01"},
    {"currency": "KRW", "rate": 0.005098, "effectiveOn": "2026-06-30"},
]

START = dt.date(2024, 11, 25)
END = dt.date(2026, 11, 20)
SPAN = (END - START).days
sources = ["event", "referral", "operator", "chainTargeting", "fund", "outboundTrip", "inbound", "other"]
source_weights = [25, 15, 12, 15, 6, 12, 10, 5]
stages = ["contact", "negotiation", "letters", "signed", "landed"]
lost_reasons = ["choseOtherLocation", "funding", "policyMismatch", "strategyChange", "other"]
projects = {"drugs": ["创新药研发中心", "抗体药物产业化基地", "小分子新药中试平台"],
            "synbio": ["合成生物制造基地", "生物基材料产线"],
            "gene": ["基因治疗GMP车间", "细胞治疗产业化项目"],
            "cdmo": ["CDMO生产基地", "制剂CMO平台"],
            "ivd": ["IVD试剂生产线", "分子诊断研发总部"],
            "hidev": ["高端影像设备制造基地", "手术机器人研发中心", "介入器械产业化项目"],
            "bigdata": ["健康医疗大数据中心", "医疗数据平台区域总部"],
            "aimed": ["AI辅助诊断研发中心", "智慧医院解决方案总部"],
            "care": ["国际医疗中心", "高端康复医院"]}


def amount(low_wan, high_wan):
    # intended investment in yuan, in whole 万元 (with a few exact-to-the-fen amounts)
    wan = rng.randint(low_wan, high_wan)
    value = wan * 10000
    if rng.random() < 0.15:
        value += rng.randint(1, 9999) + rng.randint(0, 99) / 100
    return round(value, 2)


deals = []
for i in range(320):
    company = rng.choice(companies)
    park = rng.choice(parks)
    owner = rng.choice(officers)
    sector = company["sector"]
    opened = START + dt.timedelta(days=rng.randint(0, SPAN - 20))
    target = rng.choices(stages, weights=[25, 35, 15, 12, 13])[0]
    currency = company["currency"]
    if currency == "CNY":
        intended = amount(2000, 300000)
    elif currency in ("USD", "EUR"):
        intended = amount(300, 30000)
    elif currency == "JPY":
        intended = amount(50000, 3000000)
    else:
        intended = amount(500000, 30000000)
    steps = []
    day = opened
    reached = stages.index(target)
    index = 0
    while index < reached:
        jump = 2 if rng.random() < 0.12 and index + 2 <= reached else 1
        day = day + dt.timedelta(days=rng.randint(7, 90))
        if day >= END:
            break
        index += jump
        step = {"on": day.isoformat(), "to": stages[index]}
        if stages[index] in ("signed", "landed") and rng.random() < 0.7:
            step["contractedInvestment"] = round(intended * rng.choice([0.8, 0.9, 1.0, 1.1]), 2)
        steps.append(step)
        if index == 3 and rng.random() < 0.08 and day + dt.timedelta(days=30) < END:
            day = day + dt.timedelta(days=rng.randint(10, 40))
            steps.append({"on": day.isoformat(), "to": "negotiation", "reason": "签约条件变化，退回洽谈"})
            index = 1
    roll = rng.random()
    if steps and steps[-1]["to"] == "landed":
        if rng.random() < 0.6 and day + dt.timedelta(days=30) < END:
            day = day + dt.timedelta(days=rng.randint(20, 120))
            if day < END:
                steps.append({"on": day.isoformat(), "milestone": "constructionStarted"})
                if rng.random() < 0.5:
                    day2 = day + dt.timedelta(days=rng.randint(60, 240))
                    if day2 < END:
                        steps.append({"on": day2.isoformat(), "milestone": "productionStarted"})
    elif roll < 0.11:
        day = day + dt.timedelta(days=rng.randint(10, 60))
        if day < END:
            steps.append({"on": day.isoformat(), "status": "lost", "reason": rng.choice(lost_reasons),
                          "note": rng.choice(["企业选择长三角其他园区", "融资未到位", "政策诉求无法满足", "集团战略调整"])})
    elif roll < 0.18:
        day = day + dt.timedelta(days=rng.randint(10, 60))
        if day < END:
            steps.append({"on": day.isoformat(), "status": "onHold", "note": "企业内部决策暂缓"})
    source = rng.choices(sources, weights=source_weights)[0]
    deal = {
        "name": f"{company['name'].replace('有限公司', '')}{rng.choice(projects[sector])}",
        "company": company["key"], "park": park["key"], "sector": sector, "owner": owner["key"],
        "source": source,
        "isKeyProject": rng.random() < 0.25 or intended > 1_000_000_000,
        "intendedInvestment": intended, "currency": currency,
        "expectedAnnualOutput": round(intended * rng.choice([0.5, 0.8, 1.2, 1.5]), 2) if rng.random() < 0.6 else None,
        "expectedAnnualTax": round(intended * rng.choice([0.02, 0.03, 0.05]), 2) if rng.random() < 0.7 else None,
        "expectedJobs": rng.choice([30, 50, 80, 120, 200, 300, 500]) if rng.random() < 0.7 else None,
        "plannedLandingOn": (opened + dt.timedelta(days=rng.randint(180, 900))).isoformat() if rng.random() < 0.8 else None,
        "openedOn": opened.isoformat(),
        "steps": steps,
    }
    if source == "referral":
        deal["referrer"] = rng.choice([c for c in companies if c["key"] != company["key"] and c["country"] == "CN"])["key"]
    deals.append(deal)

# ---- Engagement: events, their deals, letters and activities (a second generator, so that the
# deals above stay as they were). The Boao forum reception follows the E-Town article (003):
# 500+ visitors, 120+ companies, 109 letters, close to 18 billion CNY, 36 projects to land
# within two years, 35 companies on site visits. Jinan (001): 15 promotion events and 16
# outbound trips this year.
erng = random.Random(3003)
events = [{"key": "boao", "name": "博鳌亚洲论坛全球健康论坛·亦城会客厅", "type": "forum", "startsOn": "2025-06-10",
           "endsOn": "2025-06-12", "city": "博鳌", "park": "etown", "visitorsReceived": 512}]
cities_trip = ["深圳", "上海", "苏州", "杭州", "广州", "南京", "成都", "武汉", "天津", "合肥", "厦门", "西安", "重庆", "长沙", "青岛", "无锡"]
for i, city in enumerate(cities_trip):
    day = dt.date(2026, 1, 8) + dt.timedelta(days=i * 19)
    events.append({"key": f"jntrip{i + 1}", "name": f"济南国际医学中心赴{city}招商考察", "type": "outboundTrip",
                   "startsOn": day.isoformat(), "endsOn": (day + dt.timedelta(days=2)).isoformat(), "city": city, "park": "jinan",
                   "visitorsReceived": None})
for i in range(15):
    day = dt.date(2026, 1, 15) + dt.timedelta(days=i * 20)
    kind = ["高端医疗", "新一代生物技术", "医疗器械", "健康医疗大数据"][i % 4]
    events.append({"key": f"jnpromo{i + 1}", "name": f"济南国际医学中心{kind}产业招商推介会（第{i + 1}场）", "type": "promotion",
                   "startsOn": day.isoformat(), "endsOn": day.isoformat(), "city": "济南", "park": "jinan",
                   "visitorsReceived": erng.randint(60, 300)})

boao_start = dt.date(2025, 6, 10)
boao_companies = []
used_names = {c["name"] for c in companies}
while len(boao_companies) < 125:
    sector = erng.choice(leaf_sectors)
    name = f"{erng.choice(cities)}{erng.choice(prefixes)}{erng.choice(['医药', '生物', '医疗', '健康', '基因', '智能'])}{kinds[sector]}有限公司"
    if name in used_names:
        continue
    used_names.add(name)
    company = {"key": f"c{len(companies) + 1}", "name": name, "creditCode": credit_code("110302"), "country": "CN",
               "city": None, "sector": sector, "currency": "CNY"}
    companies.append(company)
    boao_companies.append(company)

# 121 companies with live deals (three of them with two), and four more whose deals were lost.
live = boao_companies[:121]
lost_companies = boao_companies[121:]
boao_deals = []
amounts = [erng.randint(2000, 40000) * 10000 for _ in range(124)]
scale = 17_860_000_000 / sum(amounts)
amounts = [round(a * scale / 10000) * 10000 for a in amounts]
for i, amount in enumerate(amounts):
    company = live[i] if i < 121 else live[i - 121]
    planned = boao_start + dt.timedelta(days=erng.randint(120, 700) if i < 36 else erng.randint(760, 1500))
    boao_deals.append((company, amount, planned, False))
for company in lost_companies[:4]:
    boao_deals.append((company, erng.randint(5000, 20000) * 10000, boao_start + dt.timedelta(days=400), True))

letters = []
site_visit_companies = set()
for n, (company, amount, planned, lost) in enumerate(boao_deals):
    sector = company["sector"]
    owner = erng.choice([o for o in officers if o["team"] in ("bio", "dev", "dig")])
    key = f"boao{n + 1}"
    steps = []
    day = boao_start
    stage_to = erng.choices(["negotiation", "letters", "signed"], weights=[45, 45, 10])[0]
    steps.append({"on": (day + dt.timedelta(days=erng.randint(0, 2))).isoformat(), "to": stage_to})
    if stage_to == "signed" and not lost and erng.random() < 0.5:
        steps.append({"on": (day + dt.timedelta(days=erng.randint(150, 400))).isoformat(), "to": "landed"})
    if lost:
        steps.append({"on": (day + dt.timedelta(days=erng.randint(60, 200))).isoformat(), "status": "lost",
                      "reason": "choseOtherLocation", "note": "企业最终选择其他城市"})
    activities = [{"type": "reception", "on": boao_start.isoformat(), "summary": "亦城会客厅一对一洽谈"}]
    deals.append({
        "key": key, "name": f"{company['name'].replace('有限公司', '')}{erng.choice(projects[sector])}",
        "company": company["key"], "park": "etown", "sector": sector, "owner": owner["key"], "source": "event",
        "event": "boao", "isKeyProject": amount >= 500_000_000, "intendedInvestment": amount, "currency": "CNY",
        "expectedAnnualOutput": None, "expectedAnnualTax": round(amount * 0.03, 2) if erng.random() < 0.6 else None,
        "expectedJobs": erng.choice([50, 80, 120, 200]), "plannedLandingOn": planned.isoformat(),
        "openedOn": boao_start.isoformat(), "steps": steps, "activities": activities})
    boao_deals[n] = (company, amount, planned, lost, key)

# 35 distinct companies came on site visits after the forum; three came twice, two had visited before it.
visitors = [d for d in boao_deals if not d[3]][:38]
for i, (company, amount, planned, lost, key) in enumerate(visitors):
    deal = next(x for x in deals if x.get("key") == key)
    if i < 35:
        deal["activities"].append({"type": "siteVisit", "on": (boao_start + dt.timedelta(days=erng.randint(20, 150))).isoformat(),
                                   "summary": "企业来亦庄实地考察园区与公共服务平台", "nextStep": "提供定制化空间方案"})
    if i in (0, 1, 2) or i >= 36:
        deal["activities"].append({"type": "siteVisit", "on": (boao_start - dt.timedelta(days=30)).isoformat() if i >= 36 else
                                   (boao_start + dt.timedelta(days=erng.randint(160, 200))).isoformat(), "summary": "再次实地考察"})

# 109 letters at the forum: intents and initiatives with deals (lost ones too), expert appointments without.
with_deals = [d for d in boao_deals]
for i in range(95):
    company, amount, planned, lost, key = with_deals[i % len(with_deals)]
    letters.append({"type": "intent" if i % 3 else "initiative", "signedOn": boao_start.isoformat(), "counterparty": company["name"],
                    "deal": key, "event": "boao"})
for i in range(14):
    letters.append({"type": "expertAppointment", "signedOn": (boao_start + dt.timedelta(days=1)).isoformat(),
                    "counterparty": f"{erng.choice(['王', '李', '张', '刘', '陈'])}{erng.choice(['建华', '晓明', '志强', '丽娟', '海涛'])}教授",
                    "deal": None, "event": "boao"})

# Jinan's events bring deals and letters of their own.
for i, event in enumerate(e for e in events if e["park"] == "jinan"):
    for j in range(erng.randint(1, 3)):
        company = erng.choice(companies[:160])
        sector = company["sector"]
        day = dt.date.fromisoformat(event["startsOn"])
        key = f"{event['key']}-{j}"
        amount = erng.randint(3000, 80000) * 10000
        stage = erng.choices(["contact", "negotiation", "signed"], weights=[40, 45, 15])[0]
        steps = [] if stage == "contact" else [{"on": (day + dt.timedelta(days=erng.randint(5, 40))).isoformat(), "to": stage}]
        steps = [s for s in steps if s["on"] < "2026-11-21"]
        deals.append({"key": key, "name": f"{company['name'].replace('有限公司', '')}{erng.choice(projects[sector])}",
                      "company": company["key"], "park": "jinan", "sector": sector,
                      "owner": erng.choice(officers)["key"], "source": "outboundTrip" if event["type"] == "outboundTrip" else "event",
                      "event": event["key"], "isKeyProject": amount >= 300_000_000, "intendedInvestment": amount, "currency": "CNY",
                      "expectedAnnualOutput": None, "expectedAnnualTax": None, "expectedJobs": None,
                      "plannedLandingOn": (day + dt.timedelta(days=erng.randint(200, 800))).isoformat(), "openedOn": day.isoformat(),
                      "steps": steps, "activities": [{"type": "meeting", "on": day.isoformat(), "summary": "推介会后对接洽谈"}]})
        if erng.random() < 0.5:
            letters.append({"type": "intent", "signedOn": day.isoformat(), "counterparty": company["name"], "deal": key, "event": event["key"]})

# Officers' follow-up on the other deals: calls, meetings and visits, some long ago (the stale report's rotting deals).
for deal in deals:
    if "event" in deal:
        continue
    opened = dt.date.fromisoformat(deal["openedOn"])
    last = max([dt.date.fromisoformat(s["on"]) for s in deal["steps"]] + [opened])
    deal["activities"] = []
    for _ in range(erng.randint(0, 3)):
        day = last + dt.timedelta(days=erng.randint(1, 120))
        if day >= END:
            continue
        kind = erng.choices(["call", "meeting", "visit", "siteVisit"], weights=[40, 30, 20, 10])[0]
        summary = {"call": "电话跟进项目进展", "meeting": "与企业高层会谈", "visit": "上门拜访企业", "siteVisit": "企业来园区实地考察"}[kind]
        deal["activities"].append({"type": kind, "on": day.isoformat(), "summary": summary})

# Funds in place (到位资金) of signed and landed deals: tranches from the signing on, landed deals further
# along (a third generator, so that adding them left the data above as it was).
frng = random.Random(4004)
for deal in deals:
    # The signing date the deal keeps (as Deal.MoveTo sets it): its first move to signed or beyond since it was last below.
    signed = None
    for step in deal["steps"]:
        if step.get("to") in ("signed", "landed"):
            signed = signed or step["on"]
        elif step.get("to"):
            signed = None
    if signed is None or any(s.get("status") == "lost" for s in deal["steps"]) and frng.random() < 0.5:
        continue
    landed = any(s.get("to") == "landed" for s in deal["steps"])
    base = next((s["contractedInvestment"] for s in deal["steps"] if "contractedInvestment" in s), deal["intendedInvestment"])
    share = frng.choice([0.3, 0.5, 0.7, 0.9]) if landed else frng.choice([0.0, 0.1, 0.2, 0.3])
    tranches = frng.randint(1, 3) if share else 0
    day = dt.date.fromisoformat(signed)
    funds = []
    for _ in range(tranches):
        day = day + dt.timedelta(days=frng.randint(20, 150))
        if day >= END:
            break
        funds.append({"on": day.isoformat(), "amount": round(base * share / tranches, 2),
                      "note": frng.choice(["注册资本金到位", "设备投资到位", "厂房建设投入", None])})
    if funds:
        deal["funds"] = funds

# GB/T 2260 region codes (src/Domain/Regions/gbt2260.csv): parks by where they are; companies by their
# city, or else by their credit code's registration authority (its county, city or province in the table).
regions = {}
with open(pathlib.Path(__file__).resolve().parent.parent / "src" / "Domain" / "Regions" / "gbt2260.csv", encoding="utf-8") as table:
    next(table)
    for line in table:
        code, name, _ = line.rstrip("\n").split(",")
        regions[code] = name
# GB/T 4754-2017 industry codes of the sectors that match one.
industry_codes = {"biomed": "C27", "drugs": "C272", "gene": "C276", "devices": "C358", "ivd": "C2770", "digital": "I65", "care": "Q84"}
for sector in sectors:
    if sector["key"] in industry_codes:
        sector["industryCode"] = industry_codes[sector["key"]]
park_regions = {"daxing": "110115", "jinan": "370104", "hangzhou": "330114", "etown": "110115", "zhongshan": "442000"}
for p in parks:
    p["regionCode"] = park_regions[p["key"]]
city_regions = {name.rstrip("市"): code for code, name in regions.items() if code.endswith("00") and name.endswith("市")}
for c in companies:
    if c["country"] != "CN":
        continue
    if c.get("city") in city_regions:
        c["regionCode"] = city_regions[c["city"]]
    elif c.get("creditCode"):
        part = c["creditCode"][2:8]
        c["regionCode"] = next((code for code in (part, part[:4] + "00", part[:2] + "0000") if code in regions), None)

# An industry chain (产业链) for the Hangzhou and Zhongshan parks, as their articles describe them: links up-,
# mid- and downstream (some nested), each with the sectors it covers; the companies of the two parks' deals
# attached to the link of their deal's sector (no randomness: derived from the data above), so that links
# without any (原料药与中间体, 研发外包) show as gaps; the chain leaders (链主) are the two companies that
# referred most of the two parks' deals, attached to the link of the sector they referred most into.
chain_parks = ["hangzhou", "zhongshan"]
chain_links = [
    {"key": "api", "name": "原料药与中间体", "position": "upstream", "sectors": []},
    {"key": "synbio", "name": "合成生物", "position": "upstream", "sectors": ["synbio"]},
    {"key": "cro", "name": "研发外包（CRO）", "position": "upstream", "sectors": []},
    {"key": "drugs", "name": "创新药", "position": "midstream", "sectors": ["drugs"]},
    {"key": "cgt", "name": "细胞与基因治疗", "position": "midstream", "sectors": ["gene"]},
    {"key": "cdmo", "name": "CDMO", "position": "midstream", "parent": "cgt", "sectors": ["cdmo"]},
    {"key": "devices", "name": "医疗器械", "position": "midstream", "sectors": ["devices"]},
    {"key": "ivd", "name": "体外诊断", "position": "midstream", "parent": "devices", "sectors": ["ivd"]},
    {"key": "hidev", "name": "高端医疗器械", "position": "midstream", "parent": "devices", "sectors": ["hidev"]},
    {"key": "care", "name": "高端医疗服务", "position": "downstream", "sectors": ["care"]},
    {"key": "digital", "name": "数字健康", "position": "downstream", "sectors": ["digital", "bigdata", "aimed"]},
]
link_of_sector = {sector: link["key"] for link in chain_links for sector in link["sectors"]}
chain_deals = [d for d in deals if d["park"] in chain_parks and d["sector"] in link_of_sector]
for link in chain_links:
    link["companies"] = sorted({d["company"] for d in chain_deals if link_of_sector[d["sector"]] == link["key"]}, key=lambda k: int(k[1:]))
referrers = {}
for d in chain_deals:
    if d.get("referrer"):
        referrers.setdefault(d["referrer"], []).append(link_of_sector[d["sector"]])
leaders = sorted(referrers, key=lambda k: (-len(referrers[k]), int(k[1:])))[:2]
for leader in leaders:
    home = max(set(referrers[leader]), key=lambda k: (referrers[leader].count(k), k))
    link = next(l for l in chain_links if l["key"] == home)
    if leader not in link["companies"]:
        link["companies"].append(leader)
chains = [{"name": "生物医药", "description": "合成生物、细胞与基因治疗、CDMO、医疗器械与医疗服务：杭州医药港与中山健康医药产业基地的以链招商",
           "parks": chain_parks, "leaders": leaders, "links": chain_links}]

# The office's calendar (服务时限 count working days on it): 2026 as the State Council published it on
# 4 November 2025 (国办发明电〔2025〕7号: holidays and 调休 working days); 2027 with the statutory holidays only
# (全国年节及纪念日放假办法, 13 days: 除夕 to 初三 is 5–8 February 2027) until that year's arrangement is
# published and an admin loads it with PUT /api/v1/calendar/2027.
def days(first, last):
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(start + dt.timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]
calendar = [
    {"year": 2026,
     "holidays": days("2026-01-01", "2026-01-03") + days("2026-02-15", "2026-02-23") + days("2026-04-04", "2026-04-06")
                 + days("2026-05-01", "2026-05-05") + days("2026-06-19", "2026-06-21") + days("2026-09-25", "2026-09-27")
                 + days("2026-10-01", "2026-10-07"),
     "workdays": ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]},
    {"year": 2027,
     "holidays": ["2027-01-01"] + days("2027-02-05", "2027-02-08") + ["2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15"]
                 + days("2027-10-01", "2027-10-03"),
     "workdays": []},
]
# Deadline rules of two classes of lead, as offices publish them (首问负责、限时办结).
deadline_rules = [
    {"name": "亿元以上项目", "minIntendedInvestment": 100000000, "answerWithin": {"count": 1, "unit": "workingDays"},
     "assessWithin": {"count": 3, "unit": "workingDays"}, "reportEvery": {"count": 14, "unit": "days"}},
    {"name": "一般项目", "minIntendedInvestment": 0, "answerWithin": {"count": 3, "unit": "workingDays"},
     "assessWithin": {"count": 10, "unit": "workingDays"}, "reportEvery": {"count": 30, "unit": "days"}},
]

# The evaluation index (指标评价体系) as offices commonly draw it: per-亩 intensity, tax and output, sector fit,
# technology and jobs, summing to 100 points, with environmental, safety and industrial-policy vetoes.
criteria_sets = [{
    "name": "招商项目综合评价指标",
    "criteria": [
        {"key": "investmentPerMu", "name": "亩均投资强度", "weight": 25, "guide": "≥ 500 万元/亩 得满分，按比例递减"},
        {"key": "taxPerMu", "name": "亩均税收", "weight": 25, "guide": "≥ 50 万元/亩 得满分，按比例递减"},
        {"key": "outputPerMu", "name": "亩均产值", "weight": 15, "guide": "≥ 1,000 万元/亩 得满分，按比例递减"},
        {"key": "sectorFit", "name": "产业匹配度", "weight": 15, "guide": "园区主导产业、补链强链"},
        {"key": "technology", "name": "技术水平", "weight": 10, "guide": "高新技术企业、核心专利、研发投入"},
        {"key": "jobs", "name": "就业带动", "weight": 10, "guide": "≥ 500 人 得满分"},
    ],
    "bands": [{"key": "A", "name": "优先引进", "minScore": 85}, {"key": "B", "name": "积极引进", "minScore": 70},
              {"key": "C", "name": "审慎引进", "minScore": 60}, {"key": "D", "name": "暂不引进", "minScore": 0}],
    "vetoes": [{"key": "environment", "name": "环保不达标"}, {"key": "safety", "name": "安全生产条件不达标"},
               {"key": "industryPolicy", "name": "属国家产业政策淘汰类、限制类"}],
}]
# Land (亩) for deals past contact, and the committee's scores of deals at letters or beyond, from each deal's
# own figures (a generator of its own, so that the data above stays as it was). Amounts in other currencies
# are taken at the demo's latest rates; a few deals are vetoed.
lrng = random.Random(5005)
latest_rate = {r["currency"]: r["rate"] for r in sorted(fx, key=lambda r: r["effectiveOn"])}
lead_sectors = {"hangzhou": {"synbio", "gene", "cdmo", "drugs"}, "zhongshan": {"devices", "ivd", "hidev", "gene"},
                "jinan": {"care", "digital", "bigdata", "aimed"}, "daxing": {"digital", "bigdata", "aimed", "drugs"}, "etown": {"hidev", "devices", "cdmo"}}
stages = ["contact", "negotiation", "letters", "signed", "landed"]
for deal in deals:
    reached = max([0] + [stages.index(st["to"]) for st in deal["steps"] if st.get("to")])
    if reached < 1 or lrng.random() < 0.2:
        continue
    cny = deal["intendedInvestment"] * latest_rate.get(deal["currency"], 1)
    per_mu = lrng.choice([1.5e6, 2.5e6, 3.5e6, 5e6, 7e6])
    deal["landArea"] = max(5.0, round(cny / per_mu, 2))
    if reached < 2 or lrng.random() < 0.3:
        continue
    land = deal["landArea"]
    rate = latest_rate.get(deal["currency"], 1)
    def part(value, full, weight):
        return round(min(weight, weight * value / full), 1) if value else 0.0
    # Figures the deal does not give are the committee's estimates: tax 2 % and output 80 % of the investment a year, 150 jobs.
    tax = (deal.get("expectedAnnualTax") or cny * 0.02 / rate) * rate
    output = (deal.get("expectedAnnualOutput") or cny * 0.8 / rate) * rate
    scores = {
        "investmentPerMu": part(cny / land, 4e6, 25),
        "taxPerMu": part(tax / land, 1e5, 25),
        "outputPerMu": part(output / land, 4e6, 15),
        "sectorFit": 15.0 if deal["sector"] in lead_sectors[deal["park"]] else float(lrng.choice([6, 8, 10])),
        "technology": float(lrng.choice([4, 6, 8, 10])),
        "jobs": part(deal.get("expectedJobs") or 150, 500, 10),
    }
    veto = lrng.choice([{"environment": "环评未通过：排放指标超出园区总量"}, {"industryPolicy": "属《产业结构调整指导目录》限制类"}]) if lrng.random() < 0.04 else {}
    deal["evaluation"] = {"set": "招商项目综合评价指标", "scores": scores, "vetoes": veto, "note": "招商项目评审委员会评审"}

# Claims (首报首谈) for two parks, on companies whose every deal is that park's, reported a week before the first deal
# opened, with the first talk three days after the report. The seeder holds them from the day it loads them.
def claim(company, evidence):
    first = min((d for d in deals if d["company"] == company), key=lambda d: d["openedOn"])
    assert all(d["park"] == first["park"] for d in deals if d["company"] == company)
    reported = dt.date.fromisoformat(first["openedOn"]) - dt.timedelta(days=7)
    return {"company": company, "park": first["park"], "firstReportedOn": reported.isoformat(),
            "firstTalkOn": (reported + dt.timedelta(days=3)).isoformat(), "evidence": evidence,
            "intendedInvestment": first["intendedInvestment"], "currency": first["currency"], "sector": first["sector"]}

claims = [
    claim("c1", "向市投资促进局报送重大项目首报表（编号 ZS-2025-031），三天后与企业董事长首次洽谈，会谈纪要存档。"),
    claim("c4", "报送项目首报表（编号 JN-2026-014），三天后赴南京与企业首次洽谈，对方出具合作意向函。"),
]

# Referrers (引荐人) registered before the deals they refer, two reward schemes (marginal 3‰/4‰/5‰ and tiered 3‰/2‰/1.5‰,
# both capped at 100万), and referrals of deals with funds in place (the JPY one among them, converted at each day's rate),
# confirmed five days after each deal opened.
referrers = [
    {"key": "assoc", "kind": "organisation", "name": "浙江省生物医药行业协会", "contact": "秘书处", "registeredOn": "2024-11-15"},
    {"key": "prof", "kind": "person", "name": "陈教授（中国药科大学）", "contact": None, "registeredOn": "2025-03-01"},
]
bands = lambda a, b, c: [{"from": 0, "to": 100_000_000, "ratePermille": a}, {"from": 100_000_000, "to": 500_000_000, "ratePermille": b},
                         {"from": 500_000_000, "to": None, "ratePermille": c}]
reward_schemes = [
    {"key": "marginal", "name": "引荐奖励（累进）", "method": "marginal", "bands": bands(3, 4, 5), "cap": 1_000_000},
    {"key": "tiered", "name": "引荐奖励（分档）", "method": "tiered", "bands": bands(3, 2, 1.5), "cap": 1_000_000},
]
candidates = [d for d in deals[1:] if d.get("funds") and "2025-03-05" <= d["openedOn"] <= "2026-10-01"]
chosen = sorted({id(d): d for d in [d for d in candidates if d["currency"] != "CNY"][:1] + [d for d in candidates if d["source"] == "referral"][:3]}.values(),
                key=lambda d: deals.index(d))
referrals = []
for n, d in enumerate(chosen):
    d.setdefault("key", f"referred{n + 1}")
    referrals.append({"deal": d["key"], "referrer": "assoc" if n % 2 == 0 else "prof", "scheme": "marginal" if n % 2 == 0 else "tiered",
                      "confirmedOn": (dt.date.fromisoformat(d["openedOn"]) + dt.timedelta(days=5)).isoformat(), "confirmation": "企业、引荐人与园区三方签署引荐确认书"})

# Lead intake (线索): dispatch rules by amount, sector and region, and leads of November 2026 from each source, placed by those
# rules on loading (the seeder dispatches them as the API does): taken, contacted, dropped, left in a queue or the shared pool;
# two more are the leads two inbound deals of 2026 came from, converted the day each deal opened.
lead_rules = [
    {"name": "十亿元以上重大项目", "priority": 5, "minIntendedInvestment": 1_000_000_000, "owner": "o1"},
    {"name": "生物医药线索", "priority": 10, "sector": "biomed", "team": "bio"},
    {"name": "医疗器械线索", "priority": 20, "sector": "devices", "team": "dev"},
    {"name": "广东来源线索", "priority": 30, "regionCode": "440000", "team": "sz"},
]
claimed = {c["company"] for c in claims}
free = [c for c in companies if c["key"] not in claimed]
guangdong = [c for c in free if (c.get("regionCode") or "").startswith("44")]
elsewhere = [c for c in free if c.get("regionCode") and not c["regionCode"].startswith("44")]
leads = [
    {"company": elsewhere[0]["key"], "title": "创新药中试生产线", "source": "form", "sector": "drugs", "intendedInvestment": 300_000_000,
     "receivedOn": "2026-11-16", "contact": "投资发展部 张经理", "takenBy": "o6", "takenOn": "2026-11-16",
     "contacts": [{"type": "call", "on": "2026-11-17", "summary": "电话回访，确认中试线用地约 30 亩、计划明年二季度开工"}]},
    {"company": elsewhere[1]["key"], "title": "体外诊断试剂生产基地", "source": "event", "event": "jntrip16", "sector": "ivd", "intendedInvestment": 80_000_000,
     "receivedOn": "2026-11-20", "contact": "董事会秘书办公室"},
    {"company": elsewhere[2]["key"], "title": "细胞治疗产业化基地", "source": "referrer", "referrer": "assoc", "sector": "gene", "intendedInvestment": 1_500_000_000,
     "receivedOn": "2026-11-23", "contact": "战略投资部 李总",
     "contacts": [{"type": "call", "on": "2026-11-24", "summary": "经协会引荐首次通话，对方有意在华东布局产业化基地"},
                  {"type": "meeting", "on": "2026-11-27", "summary": "与企业战略投资部视频会谈，介绍园区细胞治疗专项政策"}]},
    {"company": guangdong[0]["key"], "title": "智慧医疗华北研发中心", "source": "call", "sector": "aimed", "intendedInvestment": 60_000_000,
     "receivedOn": "2026-11-25", "contact": "来电人 陈先生"},
    {"company": elsewhere[3]["key"], "title": "健康医疗大数据中心", "source": "visit", "sector": "bigdata", "intendedInvestment": 40_000_000,
     "receivedOn": "2026-11-26", "contact": "企业来访接待登记"},
    {"company": elsewhere[4]["key"], "title": "高端影像设备组装线", "source": "form", "sector": "hidev", "intendedInvestment": 50_000_000,
     "receivedOn": "2026-11-10", "takenBy": "o2", "takenOn": "2026-11-11",
     "contacts": [{"type": "call", "on": "2026-11-12", "summary": "核实项目信息"}], "dropped": "经核实企业已在苏州落地同类产线，无新增投资计划"},
]
inbound = [d for d in deals if d["source"] == "inbound" and d["openedOn"] >= "2026-01-01" and d["currency"] == "CNY"]
landed_inbound = [d for d in inbound if any(s.get("to") == "landed" for s in d["steps"])]
converted = (landed_inbound[:1] + [d for d in inbound if d not in landed_inbound][:1])
for n, d in enumerate(converted):
    d.setdefault("key", f"fromLead{n + 1}")
    leads.append({"company": d["company"], "title": d["name"], "source": "visit", "sector": d["sector"], "intendedInvestment": d["intendedInvestment"],
                  "receivedOn": d["openedOn"], "takenBy": d["owner"], "takenOn": d["openedOn"], "deal": d["key"]})
assert len(converted) == 2

for c in companies:
    del c["sector"], c["currency"]
for p in parks:
    del p["region"]

print(json.dumps({"parks": parks, "sectors": sectors, "teams": teams, "users": users, "companies": companies,
                  "fxRates": fx, "events": events, "deals": deals, "letters": letters, "chains": chains,
                  "calendar": calendar, "deadlineRules": deadline_rules,
                  "criteriaSets": criteria_sets, "claims": claims,
                  "referrers": referrers, "rewardSchemes": reward_schemes, "referrals": referrals,
                  "leadRules": lead_rules, "leads": leads}, ensure_ascii=False, indent=1))
