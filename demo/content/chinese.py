"""Chinese names of the demo content, where the public name is certain."""

from .labs import CAIR_HKPC, HKUST_HKPC, PHYSICAL_AI

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
    # Our translations of the programmes' and the demo calls' English names.
    "programmes": {
        "internship-programme": ("實習計劃", "实习计划"),
        "phd-fellowship-programme": ("博士研究獎學金計劃", "博士研究奖学金计划"),
        "industry-research-alliance": ("產學研聯盟", "产学研联盟"),
        "capital-alliance": ("資本聯盟", "资本联盟"),
    },
    "calls": {
        "hkust-hkpc-internship-demo": ("港科大—生產力局聯合實驗室實習", "港科大—生产力局联合实验室实习"),
        "hkust-hkpc-phd-fellowship-demo": (
            "港科大—生產力局聯合實驗室博士研究獎學金",
            "港科大—生产力局联合实验室博士研究奖学金",
        ),
    },
}
