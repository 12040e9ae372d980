"""The demo content in Chinese: (繁體中文, 简体中文) for every translated field of the labs, organisations, focus
areas, programmes, projects, calls and people's positions (news, events and the alliance pages carry their own).

Written from the seed articles in our own words, in Hong Kong usage for Traditional (機械人, 軟件, 數據, 私隱); the
Simplified text is OpenCC's hk2s conversion of it, then read and put into mainland usage (机器人, 隐私, 通过, 数字,
视频, 传感器). Proper names keep their own form (人工智能與機器人創新中心, 信息樞紐).

Organisations: the Chinese names they use publicly; where that name is not certain (51WORLD, Huixi Technology,
Lion X Ventures, Dragonstone Capital, Delian Capital) the name is left out, so the English one shows.
Organisations' regions and projects' keywords wait for those fields to become translatable (until then the loader
skips them). Focus areas, programmes, projects, calls and people's positions are in chinese_work.py.
People: their positions only; names stay as the articles give them.
"""

from .chinese_work import WORK
from .labs import CAIR_HKPC, HKUST_HKPC, PHYSICAL_AI

CHINESE = {
    "labs": {
        HKUST_HKPC: {
            "name": (
                "香港科技大學—香港生產力促進局工業人工智能及機械人聯合研究實驗室",
                "香港科技大学—香港生产力促进局工业人工智能及机器人联合研究实验室",
            ),
            "short_name": (
                "港科大—生產力局聯合實驗室",
                "港科大—生产力局联合实验室",
            ),
            "locations": (
                "生產力大樓（香港）\n香港科技大學校園（香港）\n香港科技大學（廣州）校園（廣州南沙）",
                "生产力大楼（香港）\n香港科技大学校园（香港）\n香港科技大学（广州）校园（广州南沙）",
            ),
            "tagline": (
                "把人工智能及機械人技術帶給香港廠商，由實驗室走到生產線。",
                "把人工智能及机器人技术带给香港厂商，从实验室走到生产线。",
            ),
            "summary": (
                "香港科技大學與香港生產力促進局攜手研發人工智能及機械人技術，針對廠商面對的技術難題提出解決方"
                "案，並在過程中培育工業創新人才。",
                "香港科技大学与香港生产力促进局携手研发人工智能及机器人技术，针对厂商面对的技术难题提出解决方"
                "案，并在过程中培育工业创新人才。",
            ),
            "description": (
                "實驗室結合香港科技大學在人工智能、大數據、數據科學及機械人方面的研究實力，以及生產力局推行智"
                "能製造的豐富經驗。研究課題來自本地業界的實際難題，由港科大兩個校園的研究人員共同參與，目標是"
                "把研究成果轉化為企業用得上的方案。\n\n"
                "這是香港科技大學首個與本港法定機構合作成立的聯合研究實驗室，香港科技大學（廣州）亦參與其中。"
                "實驗室設有實習計劃及博士研究獎學金計劃，讓學生及研究支援人員親身參與實驗室的工作，累積實戰經"
                "驗。",
                "实验室结合香港科技大学在人工智能、大数据、数据科学及机器人方面的研究实力，以及生产力局推行智"
                "能制造的丰富经验。研究课题来自本地业界的实际难题，由港科大两个校园的研究人员共同参与，目标是"
                "把研究成果转化为企业用得上的方案。\n\n"
                "这是香港科技大学首个与香港法定机构合作成立的联合研究实验室，香港科技大学（广州）亦参与其中。"
                "实验室设有实习计划及博士研究奖学金计划，让学生及研究支持人员亲身参与实验室的工作，积累实战经"
                "验。",
            ),
        },
        CAIR_HKPC: {
            "name": (
                "人工智能與機器人創新中心—香港生產力促進局聯合實驗室",
                "人工智能与机器人创新中心—香港生产力促进局联合实验室",
            ),
            "short_name": (
                "CAIR—生產力局聯合實驗室",
                "CAIR—生产力局联合实验室",
            ),
            "locations": (
                "CAIR（香港）\n生產力大樓（香港）",
                "CAIR（香港）\n生产力大楼（香港）",
            ),
            "tagline": (
                "以技術轉移為核心，助企業應用人工智能及機械人技術。",
                "以技术转移为核心，助企业应用人工智能及机器人技术。",
            ),
            "summary": (
                "人工智能與機器人創新中心（CAIR）與香港生產力促進局結合科研實力與業界經驗，協助企業跨越應"
                "用人工智能及機械人技術的種種障礙。",
                "人工智能与机器人创新中心（CAIR）与香港生产力促进局结合科研实力与业界经验，协助企业跨越应"
                "用人工智能及机器人技术的种种障碍。",
            ),
            "description": (
                "實驗室以 CAIR 的科研實力為基礎，結合生產力局推動智能製造的經驗及其在香港業界的廣泛網絡，"
                "透過聯合研發項目、交流計劃、技術轉移及人才培訓，支持香港及粵港澳大灣區的智能製造和產業升級。\n\n"
                "實驗室以企業的實際需要為導向，在智能系統、智能裝備與機械人、數碼建模與分析、度身訂造的自動化"
                "設備、先進製造及智能產品開發等方面，提供研發及應用方案。",
                "实验室以 CAIR 的科研实力为基础，结合生产力局推动智能制造的经验及其在香港业界的广泛网络，"
                "通过联合研发项目、交流计划、技术转移及人才培训，支持香港及粤港澳大湾区的智能制造和产业升级。\n\n"
                "实验室以企业的实际需要为导向，在智能系统、智能装备与机器人、数字建模与分析、量身定制的自动化"
                "设备、先进制造及智能产品开发等方面，提供研发及应用方案。",
            ),
        },
        PHYSICAL_AI: {
            "name": (
                "香港科技大學—智華物理人工智能創新中心",
                "香港科技大学—智华物理人工智能创新中心",
            ),
            "short_name": (
                "物理人工智能創新中心",
                "物理人工智能创新中心",
            ),
            "locations": (
                "香港",
                "香港",
            ),
            "tagline": (
                "全棧物理人工智能：由芯片、世界模型，到自動駕駛與機械人。",
                "全栈物理人工智能：从芯片、世界模型，到自动驾驶与机器人。",
            ),
            "summary": (
                "香港科技大學與蘇州智華汽車電子攜手研究物理人工智能並推動成果轉化，範圍由芯片與系統到基礎模型，"
                "應用於自動駕駛、機械人及智能製造。",
                "香港科技大学与苏州智华汽车电子携手研究物理人工智能并推动成果转化，范围从芯片与系统到基础模型，"
                "应用于自动驾驶、机器人及智能制造。",
            ),
            "description": (
                "中心的研究貫通物理人工智能的整個技術棧：芯片與系統、基礎模型與數據、私隱保護與安全治理，以及"
                "實際應用。香港科技大學的「物理對齊」方法把生成式影片模型提升為可互動的世界模型，先在高逼真度"
                "的虛擬環境中訓練，再遷移到真實世界，讓人工智能由「看懂世界」走向「在世界中行動」。\n\n"
                "智華汽車電子是中心首個產業試驗平台。中心成立時同步啟動產學研聯盟及資本聯盟，匯聚學術、芯片及"
                "投資夥伴。",
                "中心的研究贯通物理人工智能的整个技术栈：芯片与系统、基础模型与数据、隐私保护与安全治理，以及"
                "实际应用。香港科技大学的“物理对齐”方法把生成式视频模型提升为可交互的世界模型，先在高逼真度"
                "的虚拟环境中训练，再迁移到真实世界，让人工智能从“看懂世界”走向“在世界中行动”。\n\n"
                "智华汽车电子是中心首个产业试验平台。中心成立时同步启动产学研联盟及资本联盟，汇聚学术、芯片及"
                "投资伙伴。",
            ),
        },
    },
    "organisations": {
        "hkust": {
            "name": (
                "香港科技大學",
                "香港科技大学",
            ),
            "short_name": (
                "港科大",
                "港科大",
            ),
            "region": (
                "香港",
                "香港",
            ),
            "description": (
                "位於香港的研究型大學，涵蓋理學、工學、商學及人文社會科學。大學與香港生產力促進局合辦工業人工"
                "智能及機械人聯合研究實驗室，並與智華汽車電子成立物理人工智能創新中心。",
                "位于香港的研究型大学，涵盖理学、工学、商学及人文社会科学。大学与香港生产力促进局合办工业人工"
                "智能及机器人联合研究实验室，并与智华汽车电子成立物理人工智能创新中心。",
            ),
        },
        "hkust-gz": {
            "name": (
                "香港科技大學（廣州）",
                "香港科技大学（广州）",
            ),
            "short_name": (
                "港科大（廣州）",
                "港科大（广州）",
            ),
            "region": (
                "廣州（中國內地）",
                "广州（中国内地）",
            ),
            "description": (
                "香港科技大學位於廣州南沙的校園，與香港校園一體運作、優勢互補。",
                "香港科技大学位于广州南沙的校园，与香港校园一体运作、优势互补。",
            ),
        },
        "hkpc": {
            "name": (
                "香港生產力促進局",
                "香港生产力促进局",
            ),
            "short_name": (
                "生產力局",
                "生产力局",
            ),
            "region": (
                "香港",
                "香港",
            ),
            "description": (
                "1967年依法成立的多專業機構，致力提升香港的生產力。生產力局協助本地企業、中小企及初創公司"
                "應用先進科技，從事應用研發及技術轉移，並開辦 FutureSkills 技能培訓。",
                "1967年依法成立的多专业机构，致力提升香港的生产力。生产力局协助本地企业、中小企业及初创公"
                "司应用先进科技，从事应用研发及技术转移，并开办 FutureSkills 技能培训。",
            ),
        },
        "cair": {
            "name": (
                "中國科學院香港創新研究院人工智能與機器人創新中心",
                "中国科学院香港创新研究院人工智能与机器人创新中心",
            ),
            "short_name": (
                "CAIR",
                "CAIR",
            ),
            "region": (
                "香港",
                "香港",
            ),
            "description": (
                "中國科學院香港創新研究院轄下專注人工智能及機械人研究的中心。CAIR—生產力局聯合實驗室是中"
                "心首個與香港法定機構合作成立的聯合實驗室。",
                "中国科学院香港创新研究院下属、专注人工智能及机器人研究的中心。CAIR—生产力局联合实验室是"
                "中心首个与香港法定机构合作成立的联合实验室。",
            ),
        },
        "calmcar": {
            "name": (
                "蘇州智華汽車電子",
                "苏州智华汽车电子",
            ),
            "short_name": (
                "智華",
                "智华",
            ),
            "region": (
                "蘇州（中國內地）",
                "苏州（中国内地）",
            ),
            "description": (
                "汽車電子企業，也是物理人工智能創新中心首個產業試驗平台。",
                "汽车电子企业，也是物理人工智能创新中心首个产业试验平台。",
            ),
        },
        "tsinghua-university": {
            "name": (
                "清華大學",
                "清华大学",
            ),
        },
        "microsoft-research-asia": {
            "name": (
                "微軟亞洲研究院",
                "微软亚洲研究院",
            ),
            "short_name": (
                "MSRA",
                "MSRA",
            ),
        },
        "metax-integrated-circuits": {
            "name": (
                "沐曦集成電路",
                "沐曦集成电路",
            ),
            "short_name": (
                "沐曦",
                "沐曦",
            ),
        },
        "arm-china": {
            "name": (
                "安謀科技",
                "安谋科技",
            ),
        },
        "hsbc": {
            "name": (
                "滙豐",
                "汇丰",
            ),
        },
    },
    **WORK,
}

# Partnership notes, by (lab, organisation, role).
PARTNERSHIP_NOTES = {
    (HKUST_HKPC, "hkust-gz", "collaborator"): ("港科大兩個校園之間的研究合作", "港科大两个校园之间的研究合作"),
    (PHYSICAL_AI, "calmcar", "industry_test_bed"): ("中心首個產業試驗平台", "中心首个产业试验平台"),
}

# Organisations whose public Chinese name we are not sure of: their name stays English in every language.
ENGLISH_ONLY_NAMES = {"51world", "huixi-technology", "lion-x-ventures", "dragonstone-capital", "delian-capital"}
