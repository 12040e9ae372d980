"""News articles, one for each seed article, in our own words from its facts: English, 繁體中文, 简体中文.

Chinese texts keep people's names in Latin letters where their Chinese names are not certain. A seed that gives
no date is published on the day the demo is first loaded (the day the portal publishes it).
"""

from .labs import CAIR_HKPC, HKUST_HKPC, PHYSICAL_AI

ARTICLES = [
    {
        "slug": "hkust-hkpc-joint-lab-launched",
        "lab": HKUST_HKPC,
        "published_on": None,
        "people": ["zhou-xiaofang", "ge-ming", "fugee-tsung", "tim-cheng", "charles-ng-wang-wai", "mohamed-butt"],
        "organisations": ["hkust", "hkpc", "hkust-gz"],
        "projects": [
            "reflective-freeform-defect-inspection",
            "small-defect-inspection",
            "process-mining-root-cause",
            "product-design-automation",
            "end-to-end-perception-to-control",
            "multimodal-human-robot-interaction",
        ],
        "title": (
            "HKUST and HKPC launch a joint research lab for industrial AI and robotics",
            "香港科技大學與香港生產力促進局成立工業人工智能及機械人聯合研究實驗室",
            "香港科技大学与香港生产力促进局成立工业人工智能及机器人联合研究实验室",
        ),
        "summary": (
            "The Hong Kong University of Science and Technology and the Hong Kong Productivity Council have set up "
            "a joint lab that brings AI and robotics to Hong Kong's manufacturers and trains industrial innovation "
            "talent.",
            "香港科技大學與香港生產力促進局合作成立聯合實驗室，把人工智能及機械人技術帶給香港製造業，同時培育工業創新科技人才。",
            "香港科技大学与香港生产力促进局合作成立联合实验室，把人工智能及机器人技术带给香港制造业，同时培育工业创新科技人才。",
        ),
        "body": (
            "HKUST and the Hong Kong Productivity Council (HKPC) signed an agreement at a ceremony that marked the "
            "launch of the HKUST–HKPC Joint Research Lab for Industrial AI and Robotics, with HKUST (Guangzhou) "
            "taking part in the collaboration. It is HKUST's first joint research lab with a statutory body in "
            "Hong Kong.\n\n"
            "The agreement was signed by Prof. Tim Cheng, Vice-President for Research and Development of HKUST; "
            "Prof. Charles Ng Wang-Wai, Vice-President for Graduate Support of HKUST (Guangzhou); and Mr. Mohamed "
            "Butt, Executive Director of HKPC.\n\n"
            "Prof. Zhou Xiaofang of HKUST directs the lab, with Dr. Ge Ming of HKPC as co-director and Prof. Fugee "
            "Tsung of HKUST (Guangzhou) as associate director. The lab works from the HKPC Building and the HKUST "
            "campus in Hong Kong, and from the HKUST (Guangzhou) campus in Nansha.\n\n"
            "Its research covers four topics: industrial AI, big data, data science and robotics. The first "
            "projects include defect inspection on reflective freeform surfaces, small-defect inspection, process "
            "mining to find bottlenecks and their root causes, product design automation, end-to-end training from "
            "perception to control for precise robot tasks, and multimodal human–robot interaction.\n\n"
            "An internship programme and a PhD fellowship programme give students and research support staff "
            "practical experience in the lab's work.",
            "香港科技大學與香港生產力促進局在簽署儀式上簽訂協議，正式成立工業人工智能及機械人聯合研究實驗室，香港科技大學（廣州）亦參與合作。"
            "這是香港科技大學首個與香港法定機構合作的聯合研究實驗室。\n\n"
            "協議由香港科技大學研究及發展副校長 Tim Cheng 教授、香港科技大學（廣州）研究生支援副校長 Charles Ng Wang-Wai 教授，"
            "以及香港生產力促進局總裁 Mohamed Butt 先生簽署。\n\n"
            "實驗室由香港科技大學 Zhou Xiaofang 教授出任主任，香港生產力促進局 Ge Ming 博士出任聯席主任，"
            "香港科技大學（廣州）Fugee Tsung 教授出任副主任。實驗室設於香港的生產力大樓及香港科技大學校園，"
            "並在南沙的香港科技大學（廣州）校園設點。\n\n"
            "研究涵蓋工業人工智能、大數據、數據科學及機械人四個範疇。首批項目包括反光自由曲面的缺陷檢測、細小缺陷檢測、"
            "以流程挖掘找出瓶頸及其根本原因、產品設計自動化、由感知到控制的端到端訓練以完成高精度機械人任務，以及多模態人機交互。\n\n"
            "實習計劃及博士獎學金計劃讓學生及研究支援人員在實驗室的工作中累積實踐經驗。",
            "香港科技大学与香港生产力促进局在签署仪式上签订协议，正式成立工业人工智能及机器人联合研究实验室，香港科技大学（广州）亦参与合作。"
            "这是香港科技大学首个与香港法定机构合作的联合研究实验室。\n\n"
            "协议由香港科技大学研究及发展副校长 Tim Cheng 教授、香港科技大学（广州）研究生支援副校长 Charles Ng Wang-Wai 教授，"
            "以及香港生产力促进局总裁 Mohamed Butt 先生签署。\n\n"
            "实验室由香港科技大学 Zhou Xiaofang 教授出任主任，香港生产力促进局 Ge Ming 博士出任联席主任，"
            "香港科技大学（广州）Fugee Tsung 教授出任副主任。实验室设于香港的生产力大楼及香港科技大学校园，"
            "并在南沙的香港科技大学（广州）校园设点。\n\n"
            "研究涵盖工业人工智能、大数据、数据科学及机器人四个范畴。首批项目包括反光自由曲面的缺陷检测、细小缺陷检测、"
            "以流程挖掘找出瓶颈及其根本原因、产品设计自动化、由感知到控制的端到端训练以完成高精度机器人任务，以及多模态人机交互。\n\n"
            "实习计划及博士奖学金计划让学生及研究支持人员在实验室的工作中积累实践经验。",
        ),
    },
    {
        "slug": "cair-hkpc-joint-laboratory-established",
        "lab": CAIR_HKPC,
        "published_on": None,
        "people": [],
        "organisations": ["cair", "hkpc"],
        "projects": [],
        "title": (
            "CAIR and HKPC establish a joint laboratory for AI and robotic applications",
            "人工智能與機器人創新中心與香港生產力促進局成立聯合實驗室",
            "人工智能与机器人创新中心与香港生产力促进局成立联合实验室",
        ),
        "summary": (
            "The Centre for Artificial Intelligence and Robotics of the Chinese Academy of Sciences' Hong Kong "
            "institute and the Hong Kong Productivity Council have set up a joint lab to help enterprises adopt AI "
            "and robotics.",
            "中國科學院香港創新研究院人工智能與機器人創新中心與香港生產力促進局合作成立聯合實驗室，協助企業應用人工智能及機械人技術。",
            "中国科学院香港创新研究院人工智能与机器人创新中心与香港生产力促进局合作成立联合实验室，协助企业应用人工智能及机器人技术。",
        ),
        "body": (
            "The Centre for Artificial Intelligence and Robotics (CAIR) of the Hong Kong Institute of Science & "
            "Innovation, Chinese Academy of Sciences, and the Hong Kong Productivity Council (HKPC) have announced "
            "the CAIR–HKPC Joint Laboratory. It is the first joint lab CAIR has launched with a Hong Kong statutory "
            "organisation, and it concentrates on technology transfer and applications.\n\n"
            "The lab combines CAIR's research with HKPC's experience of intelligent manufacturing and its network "
            "in Hong Kong industry. It aims to help enterprises with the challenges of adopting AI and robotics, to "
            "support smart manufacturing and industrial upgrading in Hong Kong, and to speed up the transfer of "
            "research results through joint R&D projects and exchange programmes.\n\n"
            "It will be set up at the CAIR and HKPC Building, and starts with two areas: large cross-modal "
            "pre-trained AI models for industrial scenarios, and human–computer interaction, including tactile "
            "sensing and image processing.",
            "中國科學院香港創新研究院人工智能與機器人創新中心（CAIR）與香港生產力促進局宣布成立聯合實驗室。"
            "這是 CAIR 首個與香港法定機構成立的聯合實驗室，重點在於技術轉移及科研成果的應用。\n\n"
            "實驗室結合 CAIR 的研發實力，以及生產力局推動智能製造的經驗和在本地業界的網絡，協助企業應對應用人工智能及機械人技術的挑戰，"
            "推動香港智能製造及產業升級，並透過聯合研發項目及交流計劃加快科研成果轉化。\n\n"
            "實驗室將設於 CAIR 及香港生產力促進局大樓，首階段聚焦兩個範疇：應用於工業場景的大型跨模態預訓練人工智能模型，"
            "以及人機交互技術，包括觸覺感測及影像處理。",
            "中国科学院香港创新研究院人工智能与机器人创新中心（CAIR）与香港生产力促进局宣布成立联合实验室。"
            "这是 CAIR 首个与香港法定机构成立的联合实验室，重点在于技术转移及科研成果的应用。\n\n"
            "实验室结合 CAIR 的研发实力，以及生产力局推动智能制造的经验和在本地业界的网络，协助企业应对应用人工智能及机器人技术的挑战，"
            "推动香港智能制造及产业升级，并通过联合研发项目及交流计划加快科研成果转化。\n\n"
            "实验室将设于 CAIR 及香港生产力促进局大楼，首阶段聚焦两个范畴：应用于工业场景的大型跨模态预训练人工智能模型，"
            "以及人机交互技术，包括触觉传感及图像处理。",
        ),
    },
    {
        "slug": "physical-ai-innovation-center-launched",
        "lab": PHYSICAL_AI,
        "published_on": "2026-06-05",
        "people": ["guo-song", "guo-yike", "zheng-weimin"],
        "organisations": [
            "hkust",
            "calmcar",
            "tsinghua-university",
            "microsoft-research-asia",
            "51world",
            "metax-integrated-circuits",
            "arm-china",
            "huixi-technology",
            "hsbc",
            "lion-x-ventures",
            "dragonstone-capital",
            "delian-capital",
        ],
        "projects": [],
        "title": (
            "HKUST and CalmCar launch the Physical AI Innovation Center",
            "香港科技大學與蘇州智華汽車電子成立物理人工智能創新中心",
            "香港科技大学与苏州智华汽车电子成立物理人工智能创新中心",
        ),
        "summary": (
            "HKUST and Suzhou CalmCar Electronics Technology signed a strategic agreement on 3 June 2026 to set up "
            "the Physical AI Innovation Center in Hong Kong, together with an Industry-Research Alliance and a "
            "Capital Alliance.",
            "香港科技大學與蘇州智華汽車電子於2026年6月3日簽署策略合作協議，在香港成立物理人工智能創新中心，並同時成立產學研聯盟及資本聯盟。",
            "香港科技大学与苏州智华汽车电子于2026年6月3日签署战略合作协议，在香港成立物理人工智能创新中心，并同时成立产学研联盟及资本联盟。",
        ),
        "body": (
            "HKUST and Suzhou CalmCar Electronics Technology (CalmCar) signed a strategic agreement on 3 June 2026 "
            "to establish the Physical AI Innovation Center in Hong Kong. Prof. Guo Song, Chair Professor in HKUST's "
            "Department of Computer Science and Engineering, will direct it; its strategic committee includes Zheng "
            "Weimin and HKUST Provost Prof. Guo Yike.\n\n"
            "The center's research spans the whole physical AI stack: chips and systems, foundation models and "
            "data, privacy protection and safety governance, and applications in autonomous driving, robotics and "
            "smart manufacturing. HKUST highlights its Physical Alignment approach, which turns generative video "
            "models into interactive world models trained in realistic virtual environments before they are used "
            "in the real world.\n\n"
            "CalmCar is the center's first industry test bed. Its launch also created an Industry-Research Alliance "
            "and a Capital Alliance. Reported collaborators include Tsinghua University, Microsoft Research Asia, "
            "51WORLD, MetaX Integrated Circuits, Arm China and Huixi Technology; reported investors include HSBC, "
            "Lion X Ventures, Dragonstone Capital and Delian Capital.",
            "香港科技大學與蘇州智華汽車電子（CalmCar）於2026年6月3日簽署策略合作協議，在香港成立物理人工智能創新中心，"
            "由香港科技大學計算機科學及工程學系講座教授 Guo Song 教授出任主任；中心的策略委員會成員包括 Zheng Weimin "
            "及香港科技大學首席副校長 Guo Yike 教授。\n\n"
            "中心的研究貫通物理人工智能的整個技術棧：芯片與系統、基礎模型與數據、私隱保護與安全治理，以及自動駕駛、機械人與智能製造等應用。"
            "香港科技大學強調其「物理對齊」方法：把生成式影片模型提升為可互動的世界模型，先在高度逼真的虛擬環境中訓練，再應用於真實世界。\n\n"
            "智華汽車電子是中心首個產業試驗平台。中心成立時亦成立了產學研聯盟及資本聯盟。報道提及的合作夥伴包括清華大學、微軟亞洲研究院、"
            "51WORLD、沐曦集成電路、安謀科技及 Huixi Technology；投資方包括滙豐、Lion X Ventures、Dragonstone Capital 及 "
            "Delian Capital。",
            "香港科技大学与苏州智华汽车电子（CalmCar）于2026年6月3日签署战略合作协议，在香港成立物理人工智能创新中心，"
            "由香港科技大学计算机科学及工程学系讲座教授 Guo Song 教授出任主任；中心的战略委员会成员包括 Zheng Weimin "
            "及香港科技大学首席副校长 Guo Yike 教授。\n\n"
            "中心的研究贯通物理人工智能的整个技术栈：芯片与系统、基础模型与数据、隐私保护与安全治理，以及自动驾驶、机器人与智能制造等应用。"
            "香港科技大学强调其“物理对齐”方法：把生成式视频模型提升为可交互的世界模型，先在高度逼真的虚拟环境中训练，再应用于真实世界。\n\n"
            "智华汽车电子是中心首个产业试验平台。中心成立时亦成立了产学研联盟及资本联盟。报道提及的合作伙伴包括清华大学、微软亚洲研究院、"
            "51WORLD、沐曦集成电路、安谋科技及 Huixi Technology；投资方包括汇丰、Lion X Ventures、Dragonstone Capital 及 "
            "Delian Capital。",
        ),
    },
]
