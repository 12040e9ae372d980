"""People named in the seed articles, with their roles, and the demo calls."""

from .labs import HKUST_HKPC, PHYSICAL_AI

PEOPLE = [
    {
        "slug": "zhou-xiaofang",
        "name": "Zhou Xiaofang",
        "honorific": "Prof.",
        "position": "Otto Poon Professor of Engineering and Chair Professor, Department of Computer Science and "
        "Engineering, HKUST",
        "organisation": "hkust",
        "roles": [(HKUST_HKPC, "director", 1)],
    },
    {
        "slug": "ge-ming",
        "name": "Ge Ming",
        "honorific": "Dr.",
        "position": "General Manager, Robotics and Artificial Intelligence Division, HKPC",
        "organisation": "hkpc",
        "roles": [(HKUST_HKPC, "co_director", 2)],
    },
    {
        "slug": "fugee-tsung",
        "name": "Fugee Tsung",
        "honorific": "Prof.",
        "position": "Chair Professor and Acting Dean of Information Hub, HKUST (Guangzhou)",
        "organisation": "hkust-gz",
        "roles": [(HKUST_HKPC, "associate_director", 3)],
    },
    {
        "slug": "tim-cheng",
        "name": "Tim Cheng",
        "honorific": "Prof.",
        "position": "Vice-President for Research and Development, HKUST",
        "organisation": "hkust",
        "roles": [(HKUST_HKPC, "signatory", 10)],
    },
    {
        "slug": "charles-ng-wang-wai",
        "name": "Charles Ng Wang-Wai",
        "honorific": "Prof.",
        "position": "Vice-President for Graduate Support, HKUST (Guangzhou); CLP Holdings Professor of "
        "Sustainability, HKUST",
        "organisation": "hkust-gz",
        "roles": [(HKUST_HKPC, "signatory", 11)],
    },
    {
        "slug": "mohamed-butt",
        "name": "Mohamed Butt",
        "honorific": "Mr.",
        "position": "Executive Director, HKPC",
        "organisation": "hkpc",
        "roles": [(HKUST_HKPC, "signatory", 12)],
    },
    {
        "slug": "guo-song",
        "name": "Guo Song",
        "honorific": "Prof.",
        "position": "Chair Professor, Department of Computer Science and Engineering, HKUST",
        "organisation": "hkust",
        "roles": [(PHYSICAL_AI, "director", 1)],
    },
    {
        "slug": "guo-yike",
        "name": "Guo Yike",
        "honorific": "Prof.",
        "position": "Provost, HKUST",
        "organisation": "hkust",
        "roles": [(PHYSICAL_AI, "strategic_committee", 10)],
    },
    {
        "slug": "zheng-weimin",
        "name": "Zheng Weimin",
        "honorific": "",
        "position": "",
        "organisation": None,
        "roles": [(PHYSICAL_AI, "strategic_committee", 11)],
    },
]

# Open calls of the HKUST–HKPC lab, placed relative to the day the loader first runs.


CALLS = [
    {
        "slug": "hkust-hkpc-internship-demo",
        "programme": (HKUST_HKPC, "internship-programme"),
        "title": "HKUST–HKPC Joint Lab internships",
        "description": (
            "Join a project team of the joint lab for a placement in industrial AI, big data, data science or "
            "robotics, working on problems brought by Hong Kong manufacturers."
        ),
        "eligibility": "HKUST students and research support staff interested in a career in AI and robotics.",
        "opened_days_ago": 14,
        "closes_in_days": 60,
        "places": None,
    },
    {
        "slug": "hkust-hkpc-phd-fellowship-demo",
        "programme": (HKUST_HKPC, "phd-fellowship-programme"),
        "title": "HKUST–HKPC Joint Lab PhD fellowships",
        "description": (
            "Fellowships for doctoral research that advances the lab's work in industrial AI and robotics, "
            "carried out with HKPC and across the HKUST campuses."
        ),
        "eligibility": "PhD students of HKUST or HKUST (Guangzhou) whose research fits the lab's focus areas.",
        "opened_days_ago": 7,
        "closes_in_days": 90,
        "places": None,
    },
]

# Chinese names, (繁體, 简体). Organisations: the names they use publicly; left out where we are unsure, so the
# English name shows. Labs and focus areas: our translations of their English names.
