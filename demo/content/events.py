"""Events: the launch from the seeds as a past event (its seed gives the day, not the time or the language), and
one upcoming seminar that names no one, placed relative to the day the demo is loaded."""

from .labs import HKUST_HKPC, PHYSICAL_AI

PAST_EVENTS = [
    {
        "slug": "physical-ai-innovation-center-signing",
        "lab": PHYSICAL_AI,
        "kind": "launch",
        "date": "2026-06-03",
        "title": (
            "Signing and launch of the Physical AI Innovation Center",
            "物理人工智能創新中心簽約暨成立",
            "物理人工智能创新中心签约暨成立",
        ),
        "summary": (
            "HKUST and CalmCar signed the strategic agreement that set up the Physical AI Innovation Center; its "
            "launch created an Industry-Research Alliance and a Capital Alliance.",
            "香港科技大學與蘇州智華汽車電子簽署策略合作協議，成立物理人工智能創新中心，並同時成立產學研聯盟及資本聯盟。",
            "香港科技大学与苏州智华汽车电子签署战略合作协议，成立物理人工智能创新中心，并同时成立产学研联盟及资本联盟。",
        ),
        "venue": ("Hong Kong", "香港", "香港"),
    },
]

UPCOMING_SEMINAR = {
    "slug": "seminar-machine-vision-surface-defects-demo",
    "lab": HKUST_HKPC,
    "kind": "seminar",
    "starts_in_days": 21,
    "starts_at_hour": 15,
    "hours": 2,
    "capacity": 40,
    "language": "en",
    "title": (
        "Seminar: machine vision for finding surface defects",
        "研討會：以機器視覺找出表面缺陷",
        "研讨会：以机器视觉找出表面缺陷",
    ),
    "summary": (
        "Researchers of the joint lab present their work on inspecting reflective freeform surfaces and finding "
        "small defects, and take questions from manufacturers.",
        "聯合實驗室的研究人員介紹反光自由曲面檢測及細小缺陷檢測的研究，並解答製造業界的提問。",
        "联合实验室的研究人员介绍反光自由曲面检测及细小缺陷检测的研究，并解答制造业界的提问。",
    ),
    "description": (
        "Shiny, curved parts are hard to inspect by eye or with ordinary cameras. This seminar introduces two of "
        "the lab's projects — defect inspection on reflective freeform surfaces, and small-defect inspection — and "
        "what they could mean for a production line.\n\n"
        "The second hour is for questions and discussion. Manufacturers with an inspection problem of their own are "
        "welcome to bring it.",
        "光亮而彎曲的零件難以用肉眼或一般相機檢測。本研討會介紹實驗室的兩個項目——反光自由曲面的缺陷檢測及細小缺陷檢測——"
        "以及它們對生產線的意義。\n\n第二小時為提問及討論環節，歡迎有檢測難題的製造商帶同問題前來。",
        "光亮而弯曲的零件难以用肉眼或一般相机检测。本研讨会介绍实验室的两个项目——反光自由曲面的缺陷检测及细小缺陷检测——"
        "以及它们对生产线的意义。\n\n第二小时为提问及讨论环节，欢迎有检测难题的制造商带同问题前来。",
    ),
    "venue": ("HKPC Building, Hong Kong", "香港生產力大樓", "香港生产力大楼"),
}
