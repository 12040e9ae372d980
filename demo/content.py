"""Demo content: the first three joint labs, from the public articles in shared/seeds/.

Facts come only from those articles; descriptions are written in our own words. Where an
article does not say something (a website, a date, a person's affiliation) the field stays empty.
"""

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

HKUST_HKPC = "hkust-hkpc-industrial-ai-robotics"
CAIR_HKPC = "cair-hkpc-joint-laboratory"
PHYSICAL_AI = "hkust-calmcar-physical-ai"

LABS = [
    {
        "slug": HKUST_HKPC,
        "name": "HKUST–HKPC Joint Research Lab for Industrial AI and Robotics",
        "short_name": "HKUST–HKPC Joint Lab",
        "tagline": "AI and robotics for Hong Kong's manufacturers, from research to the factory floor.",
        "summary": (
            "HKUST and the Hong Kong Productivity Council develop AI and robotics technology that answers the "
            "technical problems manufacturers face, and train industrial innovation talent along the way."
        ),
        "description": (
            "The lab joins HKUST's research in AI, big data, data science and robotics with HKPC's experience "
            "of putting intelligent manufacturing into practice. It works on real problems brought by local "
            "industry, with researchers from both HKUST campuses, and aims to turn research into practical "
            "solutions for enterprises.\n\n"
            "It was HKUST's first joint research lab with a Hong Kong statutory body. HKUST (Guangzhou) is part "
            "of the collaboration, and an internship programme and a PhD fellowship programme give students "
            "and research support staff hands-on experience in the lab's work."
        ),
        "status": "active",
        "locations": "HKPC Building, Hong Kong\nHKUST campus, Hong Kong\nHKUST (Guangzhou) campus, Nansha, Guangzhou",
        "partners": [
            ("hkust", "founding_partner", ""),
            ("hkpc", "founding_partner", ""),
            ("hkust-gz", "collaborator", "Research collaboration across the two HKUST campuses"),
        ],
        "focus_areas": [
            {
                "slug": "industrial-ai",
                "name": "Industrial AI",
                "summary": "Data-driven models of production systems and machine vision on the factory floor.",
                "description": (
                    "Simulating and analysing complex production systems with big-data AI so that scheduling "
                    "can be flexible and manufacturing can be run remotely; machine vision that finds surface "
                    "defects and geometric errors, and traces them back to their root cause."
                ),
            },
            {
                "slug": "big-data",
                "name": "Big Data",
                "summary": "Sensors with edge computing and streaming analysis for smart manufacturing.",
                "description": (
                    "Versatile sensors that compute at the edge, backed by streaming data collection and "
                    "analysis over the Internet of Things, for smart manufacturing."
                ),
            },
            {
                "slug": "data-science",
                "name": "Data Science",
                "summary": "Visual interfaces that help people understand and steer software and robots.",
                "description": (
                    "Visual interfaces for software systems and robotic agents that make information easier "
                    "to understand and support feedback control and human-in-the-loop decisions."
                ),
            },
            {
                "slug": "robotics",
                "name": "Robotics",
                "summary": "Grippers, autonomous finishing systems and inspection equipment for industry.",
                "description": (
                    "Grippers for food handling, autonomous grinding and spraying systems for the hardware and "
                    "plastics industries, and intelligent equipment that cleans and inspects facilities."
                ),
            },
        ],
        "programmes": [
            {
                "slug": "internship-programme",
                "name": "Internship Programme",
                "kind": "internship",
                "description": (
                    "Practical placements in the lab's AI and robotics work for HKUST students and research "
                    "support staff considering a career in the field."
                ),
            },
            {
                "slug": "phd-fellowship-programme",
                "name": "PhD Fellowship Programme",
                "kind": "phd_fellowship",
                "description": (
                    "Fellowships for PhD students whose research advances the lab's initiatives in industrial "
                    "AI and robotics, with exchange between the HKUST campuses and HKPC."
                ),
            },
        ],
        "projects": [
            {
                "slug": "reflective-freeform-defect-inspection",
                "title": "Defect inspection on surfaces of reflective freeform objects",
                "summary": "Finding defects on shiny, curved parts, where reflections confuse ordinary inspection.",
                "areas": ["industrial-ai"],
                "keywords": "machine vision, defect inspection, reflective surfaces",
                "is_featured": True,
            },
            {
                "slug": "small-defect-inspection",
                "title": "Small defect inspection",
                "summary": "Detecting defects too small for conventional visual inspection on production lines.",
                "areas": ["industrial-ai"],
                "keywords": "machine vision, defect inspection",
            },
            {
                "slug": "process-mining-root-cause",
                "title": "Process mining for bottleneck identification and root cause analysis",
                "summary": "Mining production process data to locate bottlenecks and explain their causes.",
                "areas": ["industrial-ai", "big-data"],
                "keywords": "process mining, root cause analysis, bottlenecks",
                "is_featured": True,
            },
            {
                "slug": "product-design-automation",
                "title": "Product design automation",
                "summary": "Automating parts of the product design process.",
                "areas": [],
                "keywords": "design automation",
            },
            {
                "slug": "end-to-end-perception-to-control",
                "title": "Deep end-to-end training from perception to control for high-precision robot tasks",
                "summary": "Training robots end to end, from what they perceive to how they move, for precise work.",
                "areas": ["robotics"],
                "keywords": "robot learning, end-to-end control, precision",
                "is_featured": True,
            },
            {
                "slug": "multimodal-human-robot-interaction",
                "title": "Multimodal interaction: multimodal-aligned industrial human–robot interaction",
                "summary": "Aligning several modes of interaction so that people and industrial robots work together.",
                "areas": ["robotics", "data-science"],
                "keywords": "human-robot interaction, multimodal",
            },
        ],
    },
    {
        "slug": CAIR_HKPC,
        "name": "CAIR–HKPC Joint Laboratory",
        "short_name": "CAIR–HKPC Joint Lab",
        "tagline": "Helping enterprises adopt AI and robotics, with technology transfer at its core.",
        "summary": (
            "CAIR and the Hong Kong Productivity Council combine research strength and industrial know-how to "
            "help enterprises overcome the hurdles of adopting AI and robotics."
        ),
        "description": (
            "The lab builds on CAIR's research and HKPC's experience of intelligent manufacturing and its network "
            "among Hong Kong industry. It supports smart manufacturing and industrial upgrading in Hong Kong and "
            "the Greater Bay Area through joint R&D projects, exchange programmes, technology transfer and talent "
            "development.\n\n"
            "Guided by what enterprises actually need, it offers R&D and applied solutions in intelligent "
            "systems, equipment and robots, digital modelling and analysis, customised automation, advanced "
            "manufacturing and intelligent product development."
        ),
        "status": "active",
        "locations": "CAIR, Hong Kong\nHKPC Building, Hong Kong",
        "partners": [
            ("cair", "founding_partner", ""),
            ("hkpc", "founding_partner", ""),
        ],
        "focus_areas": [
            {
                "slug": "cross-modal-pretrained-models",
                "name": "Cross-modal pre-trained AI models",
                "summary": "Applying large cross-modal pre-trained models to industrial scenarios.",
                "description": (
                    "Bringing large AI models pre-trained across several modalities to bear on the problems of "
                    "industrial settings and other organisations."
                ),
            },
            {
                "slug": "human-computer-interaction",
                "name": "Human–computer interaction",
                "summary": "Tactile sensing and image processing for people working with machines.",
                "description": (
                    "Interaction technology for industry, including tactile sensors and image processing, "
                    "applied in industrial scenarios and other organisations."
                ),
            },
            {
                "slug": "intelligent-manufacturing-solutions",
                "name": "Intelligent manufacturing solutions",
                "summary": "Applied solutions from intelligent equipment to customised automation.",
                "description": (
                    "Intelligent systems, equipment and robots, digital modelling and analysis, customised "
                    "automatic equipment, advanced manufacturing solutions and intelligent product development "
                    "services, shaped by the needs of enterprises."
                ),
            },
        ],
        "programmes": [],
        "projects": [],
    },
    {
        "slug": PHYSICAL_AI,
        "name": "HKUST–CalmCar Physical AI Innovation Center",
        "short_name": "Physical AI Innovation Center",
        "tagline": "Full-stack physical AI: from chips and world models to autonomous driving and robots.",
        "summary": (
            "HKUST and CalmCar research and translate physical AI, from chips and systems to foundation models, "
            "with applications in autonomous driving, robotics and smart manufacturing."
        ),
        "description": (
            "The centre covers the whole stack of physical AI: chips and systems, foundation models and data, "
            "privacy protection and safety governance, and applications. HKUST's Physical Alignment approach "
            "turns generative video models into interactive world models, trained in high-fidelity virtual "
            "environments before moving to the real world, so that AI goes from seeing the world to acting in it.\n\n"
            "CalmCar is the first industry test bed. An Industry-Research Alliance and a Capital Alliance, "
            "launched with the centre, bring together academic, chip and investment partners."
        ),
        "status": "active",
        "established_on": "2026-06-03",
        "locations": "Hong Kong",
        "partners": [
            ("hkust", "founding_partner", ""),
            ("calmcar", "founding_partner", ""),
            ("calmcar", "industry_test_bed", "The centre's first industry test bed"),
            ("tsinghua-university", "collaborator", ""),
            ("microsoft-research-asia", "collaborator", ""),
            ("51world", "collaborator", ""),
            ("metax-integrated-circuits", "collaborator", ""),
            ("arm-china", "collaborator", ""),
            ("huixi-technology", "collaborator", ""),
            ("hsbc", "investor", ""),
            ("lion-x-ventures", "investor", ""),
            ("dragonstone-capital", "investor", ""),
            ("delian-capital", "investor", ""),
        ],
        "focus_areas": [
            {
                "slug": "chips-and-systems",
                "name": "Chips and systems",
                "summary": "The hardware and systems that physical AI runs on.",
                "description": "Research on the chips and computing systems underneath physical AI.",
            },
            {
                "slug": "foundation-models-and-data",
                "name": "Foundation models and data",
                "summary": "World models and the data that trains them, including Physical Alignment.",
                "description": (
                    "Foundation models and data for physical AI, including upgrading generative video models "
                    "into interactive world models trained in realistic simulation before real-world transfer."
                ),
            },
            {
                "slug": "privacy-and-safety-governance",
                "name": "Privacy protection and safety governance",
                "summary": "Keeping physical AI private, safe and accountable.",
                "description": "Privacy protection and safety governance for AI systems that act in the world.",
            },
            {
                "slug": "physical-ai-applications",
                "name": "Autonomous driving, robotics and smart manufacturing",
                "summary": "Where physical AI meets the road, the robot and the factory.",
                "description": "The core application scenarios: autonomous driving, robotics and smart manufacturing.",
            },
        ],
        "programmes": [
            {
                "slug": "industry-research-alliance",
                "name": "Industry-Research Alliance",
                "kind": "industry_research_alliance",
                "description": "An alliance of academic and industrial partners formed at the centre's launch.",
            },
            {
                "slug": "capital-alliance",
                "name": "Capital Alliance",
                "kind": "capital_alliance",
                "description": "An alliance of investment partners formed at the centre's launch.",
            },
        ],
        "projects": [],
    },
]

# People as the articles name them, with the positions the articles give; nothing added.
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
CHINESE_NAMES = {
    "organisations": {
        "hkust": ("香港科技大學", "香港科技大学"),
        "hkust-gz": ("香港科技大學（廣州）", "香港科技大学（广州）"),
        "hkpc": ("香港生產力促進局", "香港生产力促进局"),
        "cair": (
            "中國科學院香港創新研究院人工智能與機器人創新中心",
            "中国科学院香港创新研究院人工智能与机器人创新中心",
        ),
        "calmcar": ("蘇州智華汽車電子", "苏州智华汽车电子"),
        "tsinghua-university": ("清華大學", "清华大学"),
        "microsoft-research-asia": ("微軟亞洲研究院", "微软亚洲研究院"),
        "metax-integrated-circuits": ("沐曦集成電路", "沐曦集成电路"),
        "arm-china": ("安謀科技", "安谋科技"),
        "hsbc": ("滙豐", "汇丰"),
    },
    "labs": {
        HKUST_HKPC: (
            "香港科技大學—香港生產力促進局工業人工智能及機械人聯合研究實驗室",
            "香港科技大学—香港生产力促进局工业人工智能及机器人联合研究实验室",
        ),
        CAIR_HKPC: (
            "人工智能與機器人創新中心—香港生產力促進局聯合實驗室",
            "人工智能与机器人创新中心—香港生产力促进局联合实验室",
        ),
        PHYSICAL_AI: ("香港科技大學—智華物理人工智能創新中心", "香港科技大学—智华物理人工智能创新中心"),
    },
    "focus_areas": {
        "industrial-ai": ("工業人工智能", "工业人工智能"),
        "big-data": ("大數據", "大数据"),
        "data-science": ("數據科學", "数据科学"),
        "robotics": ("機械人", "机器人"),
        "cross-modal-pretrained-models": ("跨模態預訓練人工智能模型", "跨模态预训练人工智能模型"),
        "human-computer-interaction": ("人機交互", "人机交互"),
        "intelligent-manufacturing-solutions": ("智能製造方案", "智能制造方案"),
        "chips-and-systems": ("芯片與系統", "芯片与系统"),
        "foundation-models-and-data": ("基礎模型與數據", "基础模型与数据"),
        "privacy-and-safety-governance": ("私隱保護與安全治理", "隐私保护与安全治理"),
        "physical-ai-applications": ("自動駕駛、機械人與智能製造", "自动驾驶、机器人与智能制造"),
    },
}
