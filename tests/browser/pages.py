"""A sample of every kind of page, in both languages, for the browser tests."""

SAMPLE = [
    "",
    "help/",
    "help/protection-order/",
    "help/evidence-checklist/",
    "law/",
    "law/anti-domestic-violence-law/",
    "law/criminal-law/",
    "cases/",
    "cases/protection-order-spouse/",
    "cases/category/protection-order/",
    "cases/official/spc-2023-06-07/",
    "cases/releases/",
    "cases/releases/spc-2023-06/",
    "questions/",
    "questions/injury-examination/",
    "law/updates/",
    "law/shandong-anti-domestic-violence-regulations/",
    "guides/mediation/screening/",
    "training/adv-law/",
    "training/adv-law-handout/",
    "about/",
]
PAGES = SAMPLE + ["en/" + url for url in SAMPLE]
CONTENT_PAGES = ["law/anti-domestic-violence-law/", "cases/protection-order-spouse/", "guides/mediation/screening/",
                 "help/protection-order/"]
