"""Word lists that drive the patterns: suffixes, cue words, stop words (general grammar)."""
from __future__ import annotations

import re

# Organisation suffixes → subtype. Longest suffix wins.
ORG_SUFFIXES: dict[str, str] = {
    "股份有限公司": "Company", "有限责任公司": "Company", "有限公司": "Company", "公司": "Company",
    "集团": "Company", "银行": "Company", "证券": "Company", "控股": "Company",
    "大学": "Academic", "学院": "Academic", "研究院": "Academic", "研究所": "Academic",
    "研究中心": "Academic", "实验室": "Academic", "科学院": "Academic", "工程院": "Academic",
    "学校": "Academic", "中学": "Academic", "小学": "Academic", "研究部": "Academic",
    "协会": "Association", "学会": "Association", "联合会": "Association", "商会": "Association",
    "联盟": "Association", "百人会": "Association", "专委会": "Association", "促进会": "Association",
    "研究会": "Association", "基金会": "Association", "俱乐部": "Association",
    "委员会": "GovernmentBody", "管理局": "GovernmentBody", "总局": "GovernmentBody",
    "办公室": "GovernmentBody", "人民政府": "GovernmentBody", "政府": "GovernmentBody",
    "法院": "GovernmentBody", "检察院": "GovernmentBody", "公安局": "GovernmentBody",
    "厅": "GovernmentBody", "局": "GovernmentBody", "署": "GovernmentBody", "委": "GovernmentBody",
    "部": "GovernmentBody", "司": "GovernmentBody", "处": "GovernmentBody", "中心": "GovernmentBody",
    "日报": "Media", "晚报": "Media", "报社": "Media", "电视台": "Media", "杂志社": "Media",
    "通讯社": "Media", "出版社": "Media",
    "厂": "Company", "医院": "Other", "事务所": "Company", "派出所": "GovernmentBody", "分行": "Company",
    "支行": "Company", "分公司": "Company", "营业部": "Company", "系": "Academic", "科": "GovernmentBody",
    "室": "Other", "所": "Other", "站": "Other", "大使馆": "GovernmentBody",
    "使馆": "GovernmentBody", "领事馆": "GovernmentBody", "总行": "Company", "军区": "GovernmentBody",
    "司令部": "GovernmentBody", "办": "GovernmentBody", "总队": "GovernmentBody", "支队": "GovernmentBody",
    "大队": "GovernmentBody", "信用社": "Company", "联社": "Company", "合作社": "Company",
}
# Common words ending in a one-character suffix that name no body (中国驻法使馆|联系, 不足之处, 出局).
NOT_BODY_WORDS = frozenset("""联系 体系 关系 派系 星系 水系 格局 布局 结局 出局 大局 全局 僵局 骗局 全部 局部 干部 好处 之处
到处 用处 场所 厕所 车站 客厅 大厅 餐厅 教室 卧室 学科 本科 创办 举办 主办 承办 协办 开办 兴办 申办 代办""".split())
# Suffixes that make an organisation only as a unit of a named parent or a place (预测部, 经信厅).
WEAK_ORG_SUFFIXES = frozenset({"厅", "局", "办", "总队", "支队", "大队", "署", "委", "部", "司", "处", "中心", "办公室", "委员会",
                               "政府", "研究部", "管理局", "营业部", "系", "科", "室", "所", "站"})
# Units that follow their parent's name directly (…大学经济系, …证券成都营业部, …银行香港分行).
UNIT_SUFFIXES = ("营业部", "分公司", "分行", "支行", "系", "科", "所")

POLICY_CUES = ("专项行动", "行动计划", "行动方案", "实施方案", "工作方案", "指导意见", "暂行办法",
               "管理办法", "实施意见", "试点", "工程", "行动", "计划", "机制", "政策", "办法", "条例",
               "方案", "意见", "战略", "规划", "活动", "倡议", "指南", "法", "措施", "举措", "名录",
               "平台", "服务活动", "专项攻关", "补偿机制", "长制", "以旧换新", "以旧换新政策",
               "示范基地", "示范城市", "示范区")
# Cues a bare (unquoted) phrase needs to count as a policy name.
STRONG_POLICY_CUES = ("行动计划", "行动", "工程", "试点", "暂行办法", "管理办法", "指导意见",
                      "实施方案", "工作方案", "长效机制", "下乡活动", "百城千园活动",
                      "服务活动", "专项攻关", "补偿机制", "长制", "以旧换新", "以旧换新政策",
                      "示范基地", "示范城市", "示范区")  # 国家新型工业化产业示范基地: a designation programme

EVENT_CUES = ("工作会议", "推进大会", "发展大会", "代表大会", "博览会", "展览会", "交易会", "运动会",
              "亚运会", "大运会", "奥运会", "冬奥会", "峰会", "论坛", "大会", "会议", "车展", "两会",
              "通道", "年会", "研讨会", "座谈会", "发布会", "新闻发布会", "世博会", "推进会", "对接会", "交流会", "洽谈会",
              "现场会", "观摩会")

# Words that end a name when met going leftwards: verbs that govern names, particles, pronouns.
LEFT_STOP_WORDS = frozenset("""上述 前述 反观 最近 之前 此前 近期 当时 如今 未来 如何 利用 对话 的 是 在 和 与 及 对 为 由 将 等 了 也 都 向 从 把 被 据 经 以 于 其 之 并 还 又 就 让 使 给 到
同 跟 共 会同 由于 通过 根据 包括 其中 以及 作为 加入 加盟 成立 联合 携手 支持 推动 依托 发布 印发 实施 开展 启动 推进 出台
制定 落实 组织 举办 召开 举行 参加 出席 主持 会见 访问 来到 走进 前往 成为 担任 任 兼任 曾任 历任 现任 受聘 当选
创办 创立 就职 工作 毕业 获得 负责 领导 带领 牵头 指导 主办 承办 协办 强调 表示 认为 指出 研究 编制 完善 建立 健全
加强 加快 深化 持续 深入 继续 全面 认真 贯彻 统筹 有序 扎实 积极 大力 着力 重点 进一步 首批 一批 新 各 该 本 这 那
一是 二是 三是 四是 五是 今年 去年 明年 目前 近日 日前 同时 此外 另外 其次 首先 最后 今天 记者 我们 他们 要 能 会 可
已 已经 正 正在 曾 共计 累计 连续 分别 即 位于 设立 建设 打造 培育 创建 提出 部署 聚焦 围绕 面向 针对 关于
""".split())

SPEECH_VERBS = ("表示", "认为", "指出", "说", "介绍", "强调", "称", "透露", "坦言", "建议", "提出", "谈到",
                "看来", "告诉", "解释", "分析", "补充", "呼吁", "坦承", "直言", "主持", "出席", "讲话",
                "致辞", "回答", "答", "估计", "预计", "证实", "承认", "否认", "相信", "觉得", "回忆", "感慨",
                "笑称", "说道", "诉称", "发现")
# Characters that cannot continue a personal name: a name before them is complete.
NAME_STOP_CHARS = frozenset("他她它我你您某社在对表认指说的等也就向和与是出主作介强提称告透坦回答看来先女教博院同为将已于从被把"
                            "、，。：；（）“”!！？?年月日今近代委研副总董首部局及兼任曾现任和等共都还又则做带率以亦向")
# Of those, the ones given names also use (周富强, 孔祥同, 李红博): as a name's last character they
# belong to it only where the name visibly ends after them (周富强，, 孔祥同介绍; 王毅|同美国).
NAME_SOFT_STOPS = frozenset("强同先博代今近现总首曾任提称告来看回答教出主作介透坦认指表社院研委")

# The big banks' two-character short forms (general knowledge, like the ministries'): before the
# place of a branch they name the bank (工行|福建省|分行, 招行|广州|分行).
BANK_SHORT_FORMS = frozenset({"工行", "建行", "农行", "中行", "交行", "招行", "邮储", "浦发", "光大", "民生", "兴业",
                              "中信", "华夏", "广发", "平安"})

# A centre for exhibitions, shopping or trade is a venue, a place (上海国际博览中心, 旺角电脑中心);
# other centres (研究中心, 信息中心) are bodies.
# Natural features and sights: named places, but no country, province, city, district or region
# (the guide's Location), and what the tagger's corpus leaves unmarked (西西里岛 is lost with 塞班岛).
SIGHT_ENDINGS = ("岛", "山", "山脉", "山顶", "峰", "河", "湖", "湾", "沟", "谷", "瀑布", "沙漠", "高原", "草原", "冰川",
                 "博物馆", "美术馆", "纪念馆", "寺", "庙", "神社", "宫", "教堂", "修道院", "牌坊", "公墓", "陵", "堡",
                 "景区", "风景区")
VENUE_CENTRES = ("会展中心", "博览中心", "展览中心", "购物中心", "电脑中心", "大会中心", "商务中心", "贸易中心")

# A surname character before a village ending names a place, not a person (蒋村, 吴家堡, 长丰街道;
# 吴杰庄 is a name).
VILLAGE = re.compile(r"^.家?[村堡沟庄屯寨镇]$|街道$")

# Characters Chinese uses to spell foreign names (general transliteration practice).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜敦顿多厄恩尔法凡范菲费芬丰佛弗夫福"
    "盖甘冈戈格贡古瓜哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考科克肯库夸奎拉莱兰朗劳勒雷蕾里利莉丽林琳卢鲁伦罗"
    "洛马玛迈麦曼梅门蒙米敏莫默姆穆纳娜内尼妮纽诺欧帕佩彭皮珀普奇齐乔切琼丘萨塞桑瑟森沙莎尚舍施史斯松苏索塔泰"
    "坦汤唐特提汀图托瓦万威韦维温沃乌西希锡夏谢辛休雅亚扬耶伊因英尤约扎詹兹祖佐茱丝黛芙娅娃琪嘉露蒂克莉薇"
    "密各南瑞美吉徒廉透珀罕缇")
