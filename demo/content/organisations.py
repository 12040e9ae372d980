"""Partner organisations named in the seed articles."""

ORGANISATIONS = [
    {
        "slug": "hkust",
        "name": "The Hong Kong University of Science and Technology",
        "short_name": "HKUST",
        "kind": "university",
        "region": "Hong Kong",
        "description": (
            "A research-intensive university in Hong Kong working across science, technology, business, "
            "the humanities and social science. It founded the HKUST–HKPC joint lab and the Physical AI "
            "Innovation Center with CalmCar."
        ),
    },
    {
        "slug": "hkust-gz",
        "name": "The Hong Kong University of Science and Technology (Guangzhou)",
        "short_name": "HKUST (GZ)",
        "kind": "university",
        "region": "Guangzhou, Mainland China",
        "description": (
            "HKUST's campus in Nansha, Guangzhou, run with the Hong Kong campus under the "
            "'Unified HKUST – Complementary Campuses' framework."
        ),
    },
    {
        "slug": "hkpc",
        "name": "Hong Kong Productivity Council",
        "short_name": "HKPC",
        "kind": "statutory_body",
        "region": "Hong Kong",
        "description": (
            "A multi-disciplinary body set up by statute in 1967 to raise productivity in Hong Kong. It helps "
            "local enterprises, SMEs and start-ups adopt advanced technology, works on applied R&D and "
            "technology transfer, and runs FutureSkills training."
        ),
    },
    {
        "slug": "cair",
        "name": "Centre for Artificial Intelligence and Robotics, Hong Kong Institute of Science & Innovation, "
        "Chinese Academy of Sciences",
        "short_name": "CAIR",
        "kind": "research_institute",
        "region": "Hong Kong",
        "description": (
            "An AI and robotics research centre of the Chinese Academy of Sciences' Hong Kong Institute of "
            "Science & Innovation. The CAIR–HKPC Joint Laboratory is the first joint lab it has set up with a "
            "Hong Kong statutory organisation."
        ),
    },
    {
        "slug": "calmcar",
        "name": "Suzhou CalmCar Electronics Technology",
        "short_name": "CalmCar",
        "kind": "company",
        "region": "Suzhou, Mainland China",
        "description": "A car-electronics company and the first industry test bed of the Physical AI Innovation Center.",
    },
    {"slug": "tsinghua-university", "name": "Tsinghua University", "kind": "university"},
    {
        "slug": "microsoft-research-asia",
        "name": "Microsoft Research Asia",
        "short_name": "MSRA",
        "kind": "research_institute",
    },
    {"slug": "51world", "name": "51WORLD", "kind": "company"},
    {
        "slug": "metax-integrated-circuits",
        "name": "MetaX Integrated Circuits",
        "short_name": "MetaX",
        "kind": "company",
    },
    {"slug": "arm-china", "name": "Arm China", "kind": "company"},
    {"slug": "huixi-technology", "name": "Huixi Technology", "kind": "company"},
    {"slug": "hsbc", "name": "HSBC", "kind": "investor"},
    {"slug": "lion-x-ventures", "name": "Lion X Ventures", "kind": "investor"},
    {"slug": "dragonstone-capital", "name": "Dragonstone Capital", "kind": "investor"},
    {"slug": "delian-capital", "name": "Delian Capital", "kind": "investor"},
]
