"""A labelled set of problem statements, written for these tests, in English, Traditional and Simplified Chinese,
many in the enterprise's own words rather than the projects' terms, each with what should be suggested: a demo
project (expected among the first three projects) or a demo lab (expected as the first lab; there are only three)."""

from dataclasses import dataclass

from demo.content.labs import CAIR_HKPC, HKUST_HKPC, PHYSICAL_AI

REFLECTIVE = "reflective-freeform-defect-inspection"
SMALL_DEFECTS = "small-defect-inspection"
PROCESS_MINING = "process-mining-root-cause"
DESIGN = "product-design-automation"
END_TO_END = "end-to-end-perception-to-control"
INTERACTION = "multimodal-human-robot-interaction"


@dataclass(frozen=True)
class Case:
    language: str
    title: str
    problem: str
    project: str = ""
    lab: str = ""


CASES = [
    Case(
        "en",
        "Scratches we cannot see on chrome taps",
        "Our chrome-plated taps come out shiny and curved, and the camera cannot tell a scratch from a reflection.",
        project=REFLECTIVE,
    ),
    Case(
        "zh-hant",
        "電鍍水龍頭的刮痕",
        "我們生產的電鍍水龍頭表面光亮而且彎曲，反光令相機無法分辨刮痕。",
        project=REFLECTIVE,
    ),
    Case("zh-hans", "镜面外壳漏检", "镜面抛光的金属外壳上有细小划痕，反光太强，人工目检经常漏检。", project=REFLECTIVE),
    Case(
        "en",
        "Flaws too tiny for our inspectors",
        "Tiny flaws on our printed circuit boards are too small for the inspectors to spot on the production line.",
        project=SMALL_DEFECTS,
    ),
    Case("zh-hant", "微小瑕疵", "生產線上的產品有微小瑕疵，太細小，肉眼和普通相機都檢查不到。", project=SMALL_DEFECTS),
    Case(
        "en",
        "Orders pile up at one station",
        "Orders pile up at one station in our factory and nobody knows why; we want to see where the line slows "
        "down and the reason behind it.",
        project=PROCESS_MINING,
    ),
    Case(
        "zh-hans",
        "生产流程卡住",
        "工厂生产流程经常卡在某个工序，我们想通过数据找出瓶颈和根本原因。",
        project=PROCESS_MINING,
    ),
    Case(
        "zh-hant",
        "生產延誤",
        "我們的生產線經常出現延誤，希望分析生產數據，找出瓶頸在哪裏及其成因。",
        project=PROCESS_MINING,
    ),
    Case(
        "en",
        "Every product variant drawn by hand",
        "Our engineers spend weeks drawing each new product variant by hand; we want the design work to be done "
        "automatically.",
        project=DESIGN,
    ),
    Case("zh-hans", "设计太耗时", "新产品的设计工作太耗时，希望能把产品设计过程自动化。", project=DESIGN),
    Case(
        "en",
        "A robot arm for fiddly connectors",
        "We need a robot arm that learns to insert tiny connectors precisely, going straight from camera images "
        "to its movements.",
        project=END_TO_END,
    ),
    Case("zh-hant", "高精度裝配", "希望機械臂能從攝像頭影像直接學習動作，完成高精度的裝配任務。", project=END_TO_END),
    Case(
        "en",
        "Workers and robots side by side",
        "Workers and robots share our assembly line; we want them to understand each other through voice, "
        "gestures and touch.",
        project=INTERACTION,
    ),
    Case(
        "zh-hans",
        "人和机器人协作",
        "工人和工业机器人一起工作，希望工人能用语音和手势与机器人交流协作。",
        project=INTERACTION,
    ),
    Case(
        "en",
        "Delivery vans that drive themselves",
        "We build self-driving delivery vans and want models of the world trained in simulation before road tests.",
        lab=PHYSICAL_AI,
    ),
    Case(
        "zh-hant", "自動駕駛測試", "我們開發自動駕駛汽車，需要先在模擬環境中訓練模型，然後才上路測試。", lab=PHYSICAL_AI
    ),
    Case("zh-hans", "芯片设计", "我们设计人工智能芯片，想研究机器人和自动驾驶需要的计算芯片与系统。", lab=PHYSICAL_AI),
    Case(
        "en",
        "Cameras in people's homes",
        "Our home robot records video inside people's homes; we need privacy protection and safety rules for it.",
        lab=PHYSICAL_AI,
    ),
    Case(
        "en",
        "A family factory starting with AI",
        "A small family factory wants help to adopt AI and robots: customised automatic equipment and technology "
        "transfer from researchers.",
        lab=CAIR_HKPC,
    ),
    Case(
        "zh-hant",
        "中小企引入人工智能",
        "我們是中小企，想引入人工智能及機械人，需要度身訂造的自動化設備和技術轉移。",
        lab=CAIR_HKPC,
    ),
    Case(
        "en",
        "One model for pictures and text",
        "We want to apply large pre-trained models that understand images and text together to our factory data.",
        lab=CAIR_HKPC,
    ),
    Case(
        "en",
        "Grippers for soft bread",
        "Our bakery's packing line crushes soft buns; we need robot grippers gentle enough to handle food.",
        lab=HKUST_HKPC,
    ),
    Case("zh-hans", "打磨喷涂", "五金和塑料厂需要能自主打磨和喷涂的机器人系统。", lab=HKUST_HKPC),
    Case(
        "en",
        "Sensors on old machines",
        "Put sensors that compute on the machine itself onto our old presses and stream their data for smart "
        "manufacturing.",
        lab=HKUST_HKPC,
    ),
    Case(
        "en",
        "Event logs from our MES",
        "Process mining of our MES event logs, to explain late batches.",
        project=PROCESS_MINING,
    ),
    Case(
        "en",
        "Peg-in-hole",
        "Visuomotor policy learning for peg-in-hole assembly with sub-millimetre tolerance.",
        project=END_TO_END,
    ),
    Case("en", "Cobots", "Multimodal HRI for cobots on a shared workbench.", project=INTERACTION),
    Case(
        "en", "CalmCar test bed", "Does the CalmCar test bed take outside partners for driving data?", lab=PHYSICAL_AI
    ),
    Case("zh-hans", "Physical Alignment", "Physical Alignment 技术能否用于仓储机器人？", lab=PHYSICAL_AI),
    Case(
        "en",
        "Touch on the line",
        "Tactile sensors and image processing so operators can work with machines.",
        lab=CAIR_HKPC,
    ),
    Case("zh-hant", "觸覺感測", "需要觸覺感測器和影像處理，讓工人與機器互動。", lab=CAIR_HKPC),
    Case("zh-hant", "物聯網數據", "我們想在工廠的機器上裝感測器，用物聯網收集和即時分析串流數據。", lab=HKUST_HKPC),
    Case(
        "en",
        "Screens to steer robots",
        "Dashboards that let our staff understand what the software and robots are doing and correct them.",
        lab=HKUST_HKPC,
    ),
    # In everyday words only: none of the profile's own terms (no "defect", "inspection", "process", "design",
    # "robot"), so words alone have little to go on.
    Case(
        "en",
        "Our kettles fool the checks",
        "Our polished steel kettles bounce the workshop lights back at the camera, so marks in the finish go "
        "unnoticed until customers complain.",
        project=REFLECTIVE,
    ),
    Case(
        "zh-hant", "放大鏡也看漏", "電路板上的毛病細得像針孔，工人拿放大鏡逐塊看，仍然經常看漏。", project=SMALL_DEFECTS
    ),
    Case(
        "en",
        "Why are we always late?",
        "Half our batches ship late and each department blames another; we have years of timestamps from the shop "
        "floor and want to know which step holds everything up.",
        project=PROCESS_MINING,
    ),
    Case(
        "zh-hans",
        "每款新品从零画起",
        "我们每推出一款新家电，工程师都要从零开始画图纸，想让电脑代劳这部分工作。",
        project=DESIGN,
    ),
    Case(
        "en",
        "Teach the arm by watching",
        "We would like a mechanical arm that works out how to push cables into small sockets just by looking "
        "through its camera, without us programming every step.",
        project=END_TO_END,
    ),
    Case(
        "zh-hant",
        "開口指揮機器",
        "裝配線上的師傅想直接開口或者比手勢指揮身旁的機器，而不用按按鈕。",
        project=INTERACTION,
    ),
    Case(
        "en",
        "A helper that tidies the house",
        "We are building a household helper that folds laundry and tidies rooms, and it should practise in virtual "
        "worlds before it enters a real home.",
        lab=PHYSICAL_AI,
    ),
    Case(
        "zh-hans",
        "老厂房升级",
        "我们的五金厂设备陈旧，想给老机器装上能自己计算的小装置，把生产数据实时传出来。",
        lab=HKUST_HKPC,
    ),
]


def keep_english_only(lab_slugs=None):
    """Take the Chinese translations out of the labs, focus areas, projects and people (of `lab_slugs`, else all)
    and refresh their entries: records in English only and requests in three languages, where words alone cannot
    cross the language gap."""
    from labs.models import FocusArea, JointLab
    from people.models import Person
    from portal.ranking.index import entries_refresh
    from projects.models import Project

    paths = {JointLab: "slug", FocusArea: "lab__slug", Project: "lab__slug", Person: "lab_roles__lab__slug"}
    for model, path in paths.items():
        records = model.objects.all() if lab_slugs is None else model.objects.filter(**{f"{path}__in": lab_slugs})
        records = model.objects.filter(pk__in=list(records.values_list("pk", flat=True)))
        chinese = [field.name for field in model._meta.concrete_fields if field.name.endswith(("_zh_hant", "_zh_hans"))]
        records.update(**dict.fromkeys(chinese))
        entries_refresh(list(records))


def hit(case, suggestions):
    """Whether `suggestions` (challenges.matching.suggest_matches) put the expected item where it should be."""
    if case.project:
        return case.project in [match.obj.slug for match in suggestions["projects"][:3]]
    return bool(suggestions["labs"]) and suggestions["labs"][0].obj.slug == case.lab
