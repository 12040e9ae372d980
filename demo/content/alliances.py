"""The membership pages of the two alliances launched with the Physical AI Innovation Center (seed 000).

The article says only that the launch created an Industry-Research Alliance and a Capital Alliance with academic,
chip and investment partners, and what the centre works on; so the pages describe members by those kinds, tie
them to the centre's stated research, and leave the terms of each membership to the centre's staff. No member is
named: the article does not say which of the organisations it lists joined which alliance.
Texts are (English, 繁體中文, 简体中文).
"""

from .labs import PHYSICAL_AI

ALLIANCE_PAGES = [
    {
        "programme": (PHYSICAL_AI, "industry-research-alliance"),
        "name": ("Industry-Research Alliance", "產學研聯盟", "产学研联盟"),
        "description": (
            "An alliance of academic and industrial partners formed at the centre's launch.",
            "中心啟動時成立的聯盟，匯聚學術和產業夥伴。",
            "中心启动时成立的联盟，汇聚学术和产业伙伴。",
        ),
        "members_do": (
            "Members are universities, research institutes and companies, chip makers among them, that work with "
            "the centre on physical AI. They bring research questions and industrial problems to the centre's "
            "full-stack programme, from chips and systems through foundation models and data to privacy protection "
            "and safety governance, and connect it with the centre's application areas: autonomous driving, "
            "robotics and smart manufacturing.",
            "成員包括與中心合作研究物理人工智能的大學、研究機構和企業，其中亦有芯片企業。成員把研究課題和產業難題"
            "帶到中心的全棧研究之中——從芯片與系統、基礎模型與數據，到私隱保護與安全治理——並連繫到中心的應用場景："
            "自動駕駛、機械人和智能製造。",
            "成员包括与中心合作研究物理人工智能的大学、研究机构和企业，其中也有芯片企业。成员把研究课题和产业难题"
            "带到中心的全栈研究之中——从芯片与系统、基础模型与数据，到隐私保护与安全治理——并连接到中心的应用场景："
            "自动驾驶、机器人和智能制造。",
        ),
        "members_get": (
            "Membership connects your organisation with a centre that covers the whole physical-AI stack, with its "
            "researchers and with the other academic and industrial members. The centre's work includes HKUST's "
            "Physical Alignment approach, which turns generative video models into interactive world models trained "
            "in realistic simulation before they move to the real world, and CalmCar serves as its first industry "
            "test bed. What your organisation takes part in is agreed with the centre's staff once your application "
            "is approved.",
            "成員可與一個涵蓋物理人工智能全棧的研究中心、其研究人員以及其他學術和產業成員建立聯繫。中心的工作包括"
            "香港科技大學的「物理對齊」方法——把生成式影片模型升級為可互動的世界模型，先在高逼真度的虛擬環境中訓練，"
            "再遷移到真實世界——而智華是中心首個產業試驗平台。具體參與方式會在申請獲批後與中心職員商定。",
            "成员可与一个涵盖物理人工智能全栈的研究中心、其研究人员以及其他学术和产业成员建立联系。中心的工作包括"
            "香港科技大学的“物理对齐”方法——把生成式视频模型升级为可交互的世界模型，先在高逼真度的虚拟环境中训练，"
            "再迁移到真实世界——而智华是中心首个产业试验平台。具体参与方式会在申请获批后与中心工作人员商定。",
        ),
    },
    {
        "programme": (PHYSICAL_AI, "capital-alliance"),
        "name": ("Capital Alliance", "資本聯盟", "资本联盟"),
        "description": (
            "An alliance of investment partners formed at the centre's launch.",
            "中心啟動時成立的聯盟，匯聚投資夥伴。",
            "中心启动时成立的联盟，汇聚投资伙伴。",
        ),
        "members_do": (
            "Members are investment partners that follow the centre's physical-AI research as it moves from the lab "
            "towards autonomous driving, robotics and smart manufacturing, and consider how to help bring its results "
            "to market.",
            "成員是投資夥伴，關注中心的物理人工智能研究如何從實驗室走向自動駕駛、機械人和智能製造，並探討如何協助"
            "把成果推向市場。",
            "成员是投资伙伴，关注中心的物理人工智能研究如何从实验室走向自动驾驶、机器人和智能制造，并探讨如何协助"
            "把成果推向市场。",
        ),
        "members_get": (
            "Membership connects investors with the centre's researchers, its industry test bed and its academic and "
            "industrial partners, across work on chips and systems, foundation models and data, and privacy "
            "protection and safety governance. What your organisation takes part in is agreed with the centre's "
            "staff once your application is approved.",
            "成員可與中心的研究人員、產業試驗平台以及學術和產業夥伴建立聯繫，了解中心在芯片與系統、基礎模型與數據、"
            "私隱保護與安全治理方面的工作。具體參與方式會在申請獲批後與中心職員商定。",
            "成员可与中心的研究人员、产业试验平台以及学术和产业伙伴建立联系，了解中心在芯片与系统、基础模型与数据、"
            "隐私保护与安全治理方面的工作。具体参与方式会在申请获批后与中心工作人员商定。",
        ),
    },
]
