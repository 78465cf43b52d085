"""The shape of the synthetic Nan'an register: industries, where they sit, what they file.

Everything here is an assumption made for the demo, not a statistic: the weights give a picture that looks
like a county economy built on stone, plumbing and kitchenware, machinery and light industry, so the pages
have something plausible to show. Industry codes are GB/T 4754-2017 classes, patent classes IPC groups and
trademark classes Nice classes that fit each industry; the choice of codes is ours.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Industry:
    key: str
    names: tuple[str, ...]  # words for its enterprise names, e.g. 石业
    codes: tuple[str, ...]  # GB/T 4754-2017 classes
    ipc: tuple[str, ...]  # IPC groups for inventions and utility models
    nice: tuple[int, ...]  # Nice classes of its marks
    objects: tuple[str, ...]  # things its patents are about
    type_weights: tuple[int, int, int]  # invention, utility model, design
    software: float  # share of its copyright registrations that are software


INDUSTRIES = {
    industry.key: industry
    for industry in [
        Industry(
            "stone",
            ("石业", "石材", "陶瓷"),
            ("C3032", "C3071", "C3099", "C2431"),
            ("B28D 1/04", "B28D 1/18", "B28D 7/04", "B24B 7/22", "E04F 13/14", "B44F 9/04", "C04B 26/06"),
            (19, 20, 37, 35),
            ("石材切割装置", "石材复合板", "人造石英石板", "石材磨抛机", "石材幕墙挂件", "仿大理石瓷砖", "石雕工艺品"),
            (12, 58, 30),
            0.2,
        ),
        Industry(
            "plumbing",
            ("水暖", "卫浴", "厨具", "阀门"),
            ("C3352", "C3443", "C3381", "C3072"),
            ("E03C 1/04", "F16K 11/00", "F16K 31/60", "E03D 11/02", "A47K 3/28", "B05B 1/18", "A47J 36/00"),
            (11, 6, 21, 35),
            ("恒温混水阀", "淋浴花洒", "厨房龙头", "角阀", "智能马桶盖", "不锈钢水槽", "地漏"),
            (10, 55, 35),
            0.3,
        ),
        Industry(
            "machinery",
            ("机械", "机电", "智能装备"),
            ("C3421", "C3484", "C3511", "C3515"),
            ("B23Q 3/06", "B23P 19/00", "B21D 28/00", "B65G 47/90", "F16H 1/28", "B28D 1/02"),
            (7, 8, 37),
            ("数控切割机", "自动上料装置", "桥式锯石机", "液压夹具", "减速机构", "输送线"),
            (18, 72, 10),
            0.5,
        ),
        Industry(
            "light",
            ("鞋业", "服饰", "体育用品", "箱包"),
            ("C1811", "C1821", "C1951", "C1953", "C2927"),
            ("A43B 13/04", "A43B 7/14", "A41D 13/00", "A41D 31/00", "B29D 35/12"),
            (25, 18, 35),
            ("运动鞋底", "透气鞋面", "功能面料服装", "防滑拖鞋", "背包"),
            (6, 44, 50),
            0.15,
        ),
        Industry(
            "electronics",
            ("电子", "光电", "照明"),
            ("C3976", "C3982", "C3983", "C3874"),
            ("H05K 1/02", "H01L 33/48", "F21V 29/00", "G01R 31/00", "H02J 7/00"),
            (9, 11, 42),
            ("LED灯具", "电路板", "温湿度传感器", "充电控制电路", "智能照明控制器"),
            (25, 60, 15),
            0.7,
        ),
        Industry(
            "semiconductor",
            ("半导体", "微电子"),
            ("C3973", "C3972", "C3562"),
            ("H01L 21/67", "H01L 23/31", "H01L 29/78", "H01L 21/02"),
            (9, 42, 40),
            ("芯片封装结构", "功率器件", "晶圆清洗装置", "半导体测试治具"),
            (45, 50, 5),
            0.8,
        ),
        Industry(
            "tea",
            ("茶业", "茶叶"),
            ("C1530",),
            ("A23F 3/06", "A23F 3/14", "B65B 29/02"),
            (30, 35, 43),
            ("茶叶揉捻机", "茶叶烘焙装置", "茶叶包装盒", "乌龙茶加工工艺"),
            (15, 45, 40),
            0.1,
        ),
        Industry(
            "software",
            ("信息技术", "软件", "网络科技"),
            ("I6513", "M7320"),
            ("G06F 16/00", "G06Q 10/06", "H04L 67/12"),
            (9, 42, 35),
            ("数据管理系统", "物联网网关", "生产排程方法"),
            (40, 50, 10),
            0.95,
        ),
    ]
}

# Township-level divisions of Nan'an (division codes as loaded from the statistical division list) with a
# synthetic weight (how many of the demo enterprises sit there) and the industries found there, weighted.
# 水头 stone; 仑苍 plumbing and kitchenware; 英都 and 洪濑 machinery; the rest mixed. Assumptions for the demo.
TOWNSHIPS = {
    "350583119": ("水头镇", 16, {"stone": 8, "machinery": 2, "plumbing": 1, "light": 1}),
    "350583120": ("石井镇", 6, {"stone": 5, "machinery": 2, "light": 1}),
    "350583101": ("仑苍镇", 12, {"plumbing": 8, "machinery": 1, "light": 1}),
    "350583103": ("英都镇", 6, {"machinery": 4, "plumbing": 3, "stone": 1}),
    "350583113": ("洪濑镇", 8, {"machinery": 4, "light": 2, "plumbing": 1, "electronics": 1}),
    "350583118": ("官桥镇", 6, {"light": 3, "machinery": 2, "semiconductor": 1, "stone": 1}),
    "350583001": ("溪美街道", 6, {"software": 3, "electronics": 2, "light": 2}),
    "350583002": ("柳城街道", 4, {"electronics": 2, "software": 2, "light": 1}),
    "350583003": ("美林街道", 4, {"light": 2, "electronics": 2, "machinery": 1}),
    "350583116": ("丰州镇", 3, {"electronics": 2, "light": 1}),
    "350583117": ("霞美镇", 3, {"light": 2, "plumbing": 1, "machinery": 1}),
    "350583115": ("康美镇", 3, {"light": 2, "plumbing": 1}),
    "350583100": ("省新镇", 3, {"stone": 1, "machinery": 1, "light": 1}),
    "350583102": ("东田镇", 2, {"plumbing": 1, "stone": 1, "tea": 1}),
    "350583114": ("洪梅镇", 2, {"machinery": 1, "light": 1}),
    "350583112": ("梅山镇", 2, {"plumbing": 1, "light": 1}),
    "350583108": ("码头镇", 2, {"tea": 1, "light": 1, "machinery": 1}),
    "350583106": ("诗山镇", 2, {"tea": 1, "light": 1, "stone": 1}),
    "350583105": ("金淘镇", 2, {"tea": 2, "machinery": 1}),
    "350583104": ("翔云镇", 1, {"tea": 2, "stone": 1}),
    "350583107": ("蓬华镇", 1, {"tea": 2}),
    "350583109": ("九都镇", 1, {"tea": 1, "light": 1}),
    "350583110": ("乐峰镇", 1, {"tea": 1, "machinery": 1}),
    "350583111": ("罗东镇", 1, {"light": 1, "stone": 1}),
    "350583200": ("眉山乡", 1, {"tea": 2}),
    "350583201": ("向阳乡", 1, {"tea": 2}),
    "350583400": ("雪峰华侨经济开发区", 3, {"semiconductor": 2, "electronics": 2, "light": 1}),
}

# Sizes and how many more patents a larger enterprise files; synthetic assumptions.
SIZES = {"micro": (45, 1.0), "small": (35, 3.0), "medium": (15, 10.0), "large": (5, 35.0)}

# Share of patents filed by individuals rather than enterprises (no holder in the register).
INDIVIDUAL_SHARE = 0.08

# The 字号 (trade names) of demo enterprises are built from these characters; together with the 演示 mark
# in every name they are not meant to be, and must not be read as, real companies.
NAME_CHARACTERS = "宏泰鑫盛华源兴达恒通信德嘉和永安丰瑞祥富顺隆昌新辉锦泉晟鸿福升荣成亿峰海冠志远溢广"
AGENCIES = (
    "泉州演示专利代理事务所（虚构）",
    "南安演示知识产权代理有限公司（虚构）",
    "厦门演示专利商标事务所（虚构）",
)
SOURCE = "演示数据（虚构）"
