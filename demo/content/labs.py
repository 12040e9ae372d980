"""The three joint labs: what they are, their partners, focus areas, projects and programmes."""

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
        "brand_colour": "#8a2c3b",  # white text on it reads at 4.5:1 or better
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
        # The joint lab's own research with its partner: collaborative research, in funders' terms.
        "projects": [
            {
                "slug": "reflective-freeform-defect-inspection",
                "collaboration_type": "collaborative",
                "title": "Defect inspection on surfaces of reflective freeform objects",
                "summary": "Finding defects on shiny, curved parts, where reflections confuse ordinary inspection.",
                "description": (
                    "One of the six projects the lab listed at its launch, under industrial AI. A shiny, curved "
                    "surface mirrors its surroundings, so a defect is hard to tell apart from a reflection; the "
                    "project brings the lab's machine-vision work on surface defects to such parts."
                ),
                "areas": ["industrial-ai"],
                "keywords": "machine vision, defect inspection, reflective surfaces",
                "is_featured": True,
            },
            {
                "slug": "small-defect-inspection",
                "collaboration_type": "collaborative",
                "title": "Small defect inspection",
                "summary": "Detecting defects too small for conventional visual inspection on production lines.",
                "description": (
                    "One of the first projects, also under industrial AI: machine vision on the factory floor that "
                    "finds flaws too small for the eye, and traces them back to their root cause."
                ),
                "areas": ["industrial-ai"],
                "keywords": "machine vision, defect inspection",
            },
            {
                "slug": "process-mining-root-cause",
                "collaboration_type": "collaborative",
                "title": "Process mining for bottleneck identification and root cause analysis",
                "summary": "Mining production process data to locate bottlenecks and explain their causes.",
                "description": (
                    "One of the first projects, across industrial AI and big data. Process mining rebuilds how work "
                    "actually flows from the data a production process leaves behind; the project uses it to find "
                    "where production slows down, and why."
                ),
                "areas": ["industrial-ai", "big-data"],
                "keywords": "process mining, root cause analysis, bottlenecks",
                "is_featured": True,
            },
            {
                "slug": "product-design-automation",
                "collaboration_type": "collaborative",
                "title": "Product design automation",
                "summary": "Automating parts of the product design process.",
                "description": (
                    "One of the first projects: automating steps of product design, in line with the lab's aim of "
                    "turning research into practical solutions for manufacturers."
                ),
                "areas": [],
                "keywords": "design automation",
            },
            {
                "slug": "end-to-end-perception-to-control",
                "collaboration_type": "collaborative",
                "title": "Deep end-to-end training from perception to control for high-precision robot tasks",
                "summary": "Training robots end to end, from what they perceive to how they move, for precise work.",
                "description": (
                    "One of the first projects, under robotics. Rather than engineering each stage separately, a deep "
                    "network is trained end to end, from what the robot perceives to how it moves, for tasks that "
                    "demand high precision."
                ),
                "areas": ["robotics"],
                "keywords": "robot learning, end-to-end control, precision",
                "is_featured": True,
            },
            {
                "slug": "multimodal-human-robot-interaction",
                "collaboration_type": "collaborative",
                "title": "Multimodal interaction: multimodal-aligned industrial human–robot interaction",
                "summary": "Aligning several modes of interaction so that people and industrial robots work together.",
                "description": (
                    "One of the first projects, across robotics and data science. It aligns several modes of "
                    "interaction so that people and industrial robots work together, alongside the lab's work on "
                    "interfaces that support human-in-the-loop decisions."
                ),
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
        "brand_colour": "#1d4f91",  # white text on it reads at 4.5:1 or better
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
        "brand_colour": "#0f6b5c",  # white text on it reads at 4.5:1 or better
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
