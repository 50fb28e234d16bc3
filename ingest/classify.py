"""Decide what each document is from its title lines, and split files that hold several documents.

Titles come from glossary.md. A line counts as a title only when it is short and is (almost) nothing but the
title: optionally after an agency name (北京市朝阳区城市管理综合行政执法局行政处罚决定书) and before a copy marker
((存根), (第二联)). So "收到本行政处罚决定书之日起…" in body text never counts. File names are never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.glossary import DocKind
from ingest.model import Document, Evidence, TextBlock
from ingest.normalize import is_page_mark

HEAD_LINES = 6  # non-empty lines looked at for a document's title
PAGE_HEAD_LINES = 3  # lines at the top of a page or sheet that may start a new document
MAX_TITLE_LEN = 48  # agency name + title, whitespace removed (a 文号 on the same line not counted)

_MAIL_RECORD = r"(详情单|运单|(全程)?跟踪(查询)?(结果|记录|单)?|投递(查询)?(结果|记录|证明)|(妥投|签收)(证明|记录|查询结果))"

# A licence file's documents. "(水|林业|…)行政许可" is a sector's form book (水行政许可申请补正通知书).
_LIC = r"(?:水|林业|林草|草原|渔业|海事|海洋|交通运输|交通|农业|卫生|药品|民航|测绘|文物|气象|自然资源|国土资源|住房城乡建设)?行政许可"
_LICENSE_TITLES: list[tuple[DocKind, str]] = [
    (DocKind.LICENSE_APPLICATION, rf"{_LIC}(事项)?申请(书|表)|(变更|延续)?{_LIC}申请(书|表)"),
    (DocKind.RECEIPT_OF_MATERIALS, rf"(收取)?{_LIC}申请材料(接收|收取|收件|签收)?(凭证|清单|回执)|收取{_LIC}申请材料凭证|"
                                   r"(行政许可)?(申请)?材料(接收|收件|签收)(凭证|清单|回执|登记表)|收件(凭证|回执|清单)"),
    (DocKind.CORRECTION_NOTICE, rf"{_LIC}(申请)?(材料)?补正(材料)?(告知|通知)(书|单)|{_LIC}申请补正通知书|"
                                r"(申请)?(材料)?补正(材料)?(告知|通知)(书|单)|补正材料通知书|一次性告知(书|单)"),
    (DocKind.NON_ACCEPTANCE_DECISION, rf"{_LIC}(申请)?(不予受理|不受理)(决定|通知|告知)书|不予受理{_LIC}申请(决定|通知)书|"
                                      r"不予受理(决定|通知|告知)书|(申请)?不受理告知书"),
    (DocKind.ACCEPTANCE_NOTICE, rf"{_LIC}(申请)?受理(通知|决定|告知)书|受理{_LIC}申请(通知|决定)书|受理(通知|决定)书"),
    (DocKind.EXTENSION_APPROVAL, rf"{_LIC}(延期|延长)(决定)?(期限)?(审批|呈批)表"),
    (DocKind.LICENSE_EXTENSION_NOTICE, rf"延长{_LIC}(批准|审查|办理|决定)?(时限|期限)告知书|{_LIC}延期(决定)?(通知|告知)书|"
                                       rf"延长{_LIC}期限(通知|告知)书|{_LIC}延长(审查|办理)?(期限|时限)(通知|告知)书"),
    (DocKind.SPECIAL_PROCEDURE_NOTICE, rf"{_LIC}(特别程序|特殊程序|除外时间)(所需时间)?告知书|特别程序所需时间告知书|"
                                       r"(特别|特殊)程序(所需)?(时间)?告知书|除外时间告知书"),
    (DocKind.INTERESTED_PARTY_NOTICE, rf"{_LIC}利害关系人(权利)?告知书|利害关系人(权利)?告知书"),
    (DocKind.ONSITE_VERIFICATION_RECORD, rf"{_LIC}(现场)?(核查|核实|勘验|核查\(?勘验\)?)(工作)?(笔录|记录)(表)?|"
                                         r"(现场)?核查(\(?勘验\)?)?(笔录|工作记录|记录表)|现场核实(笔录|记录)"),
    (DocKind.LICENSE_REVIEW_RECORD, rf"{_LIC}(决定|受理|受理\(?不予受理\)?)?(审批|审查|审核|呈批)(意见)?(表|单|书)|"
                                    r"(行政)?许可(审查|审批)意见表"),
    (DocKind.LEGAL_REVIEW, rf"重大{_LIC}(决定)?法制(审核|审查)(意见)?(书|表)?"),
    (DocKind.HEARING_APPLICATION, rf"{_LIC}听证申请(书|表)"),
    (DocKind.HEARING_NOTICE, rf"{_LIC}(陈述、?申辩、?听证|陈述、?申辩|听证)(权利)?告知书|{_LIC}权利告知书|(举行)?{_LIC}听证(通知|告知)书|{_LIC}听证公告"),
    (DocKind.HEARING_RECORD, rf"{_LIC}听证(笔录|报告)(书)?"),
    (DocKind.LICENSE_REFUSAL, rf"不予(批准|变更|延续)?{_LIC}决定书|{_LIC}不(准予|予)(延续|变更)?决定书|不(准予|予)(变更|延续){_LIC}决定书"),
    (DocKind.LICENSE_DECISION, rf"准予(变更|延续)?{_LIC}决定书|(变更|延续)?{_LIC}(变更|延续)?决定书"),
    (DocKind.SERVICE_RECEIPT, rf"{_LIC}(文书)?送达回(证|执)"),
    (DocKind.PUBLICATION_PROOF, rf"{_LIC}(决定)?(公开|公示)(书|材料|截图|记录|证明)?|(许可)?(信息)?公示(截图|页面|记录|证明)|"
                                # a licence published under its subject (林木采伐许可公示, 食品经营许可信息公示)
                                r"[\u4e00-\u9fa5]{2,12}许可(证)?(信息|结果)?(公示|公开)|"
                                # the published result of a 双随机 inspection (营商环境条例第五十四条)
                                r"(双随机(、)?(一公开)?)?(抽查)?(检查)?结果(信息)?公示(截图|页面|记录|证明)?"),
    (DocKind.COMMITMENT_LETTER, rf"(证明事项|涉企经营许可事项)?({_LIC})?告知承诺书|(证明事项)?告知承诺(制)?承诺书"),
    # the certificate itself (食品经营许可证（副本）, 取水许可证): the name of a licence, alone on its line
    (DocKind.LICENSE_CERTIFICATE, r"[\u4e00-\u9fff]{0,14}许可证(件)?(\((正本|副本|复印件)\))?"),
]

# 行政检查 (checklist-inspection.md): the 司法部 form texts (2025) as units title them, 审批—通知—实施—记录—反馈.
# Before the penalty titles; the 现场检查笔录 itself is the penalty list's INSPECTION_RECORD.
_INSP = r"(涉企)?(行政|现场|监督|执法|入企|专项|日常)?检查"
_INSPECTION_TITLES: list[tuple[DocKind, str]] = [
    # a special inspection's plan names its subject first: 道路旅客运输企业安全生产专项检查方案
    (DocKind.INSPECTION_APPROVAL, rf"{_INSP}(事项)?(审批|呈批|报批)(表|单)|{_INSP}(工作|实施)?方案(\(?审批表\)?)?|"
                                  r"[\u4e00-\u9fff]{2,24}?(专项|联合)检查(工作|实施)?方案"),
    (DocKind.INSPECTION_PLAN, rf"(\d{{4}}年度?)?(年度|季度|月度)?{_INSP}(工作)?计划(表)?|"
                              r"(\d{4}年度?)?(年度)?(双随机(、)?(一公开)?)?(随机)?抽查(工作)?计划(表)?|双随机(、)?(一公开)?(抽查)?(抽取|抽签)(记录|结果)(表)?|"
                              # the draw named with what was drawn: 双随机抽查对象及执法检查人员抽取记录, 污染源…双随机抽查记录
                              r"[\u4e00-\u9fff]{0,12}?双随机(、)?(一公开)?(抽查)?[\u4e00-\u9fff]{0,14}?(抽取|抽签)(记录|结果)(表)?|"
                              r"[\u4e00-\u9fff]{0,12}?双随机(、)?(一公开)?抽查记录(表)?"),
    (DocKind.INSPECTION_NOTICE, rf"{_INSP}通知(书|单)?"),
    # 卫生监督意见书: the 卫生 form book's letter of the result and of what to correct (卫生行政执法文书规范)
    (DocKind.INSPECTION_RESULT_NOTICE, rf"{_INSP}(结果|情况|结论)(告知|反馈|通知)(书|单|函)?|{_INSP}(处理)?意见(告知)?书|"
                                       r"(卫生)?监督意见书"),
    # the check after a 责令(限期)改正 deadline: 应急 整改复查意见书, 整改复查记录, 复查意见书
    (DocKind.REINSPECTION, r"(整改)?复查(意见书|记录(表)?|笔录|表)"),
]

# The sector word some form books put before a title (林业行政处罚决定书, 税务行政处罚决定书): a closed list, so
# that body text ending in a title (…现送达行政处罚决定书) is never taken for one.
_SECTOR = (
    "公安交通管理|公安交通|林业|草原|税务|水|水务|水利|海事|渔业|渔政|公安|交通|交通运输|公路|道路运输|港航|卫生|卫生健康|文化|文化市场|旅游|"
    "广播电视|新闻出版|版权|城市管理|城管|市场监督管理|市场监管|工商|质量技术监督|质监|食品药品|药品|价格|物价|安全生产|"
    "环境|环境保护|生态环境|国土资源|自然资源|规划|住房和城乡建设|建设|人力资源和社会保障|劳动保障|教育|民政|统计|"
    "气象|地震|烟草专卖|盐业|邮政|通信|电力|能源|海洋|测绘|消防|应急管理|农业|农业农村|畜牧|兽医|植物检疫|粮食|"
    "档案|体育|商务|知识产权|专利|医疗保障|保险|证券|海关|检验检疫"
)

# What a 暂扣 form names as taken: 物品（工具）, 财物, 车辆 (never a licence).
_GOODS = r"(物品|工具|财物|车辆|设备)(\(?(物品|工具)\)?)?"

# Ordered: the first pattern that matches wins, so specific titles come before the general ones.
_TITLES: list[tuple[DocKind, str]] = [
    # 行政许可 (checklist-licensing.md), titles of the provinces' and ministries' template books (河南 2016, 云南,
    # 湖南司法厅, 水利部 2006, 林业): before the penalty titles, whose 笔录/听证/送达 patterns they refine
    *_LICENSE_TITLES,
    *_INSPECTION_TITLES,
    (DocKind.CATALOG, r"卷内(文件)?目录|案卷目录|目录"),
    (DocKind.COVER, r"(行政(处罚|执法|许可|检查|强制))?(案件)?(卷宗|案卷)(封面)?|(案卷|卷宗)封面"),
    (DocKind.REMARKS, r"(卷内)?备考表"),
    (DocKind.CASE_SOURCE, r"(行政处罚)?(案件|案源)(来源)?(登记|受理)(审批)?(表|单)|案件来源登记表|(\(?举报\)?\(?投诉\)?|\(?投诉\)?\(?举报\)?)(登记|受理|处理)(表|单)|案件(线索)?移送(函|书|单)|(案件)?交办(单|函)|(案件)?线索(受理)?登记表|"
                             # a hotline's work order handed to the unit: 12345政务服务便民热线工单, 转办工单
                             r"(\d{5})?(政务服务)?(便民)?(服务)?热线(转办|交办)?工单|(转办|交办)工单"),
    (DocKind.FILING_APPROVAL, r"(行政处罚)?(案件)?立案(\(?不予立案\)?)?(审批|呈批|审查|报告|登记)(表|书)?|不予立案(审批|呈批)表|立案决定书"),
    (DocKind.EXTENSION_APPROVAL, r"(行政处罚)?(案件)?延期(办理|办案)?(审批|呈批)表|行政处罚案件有关事项审批表"),
    (DocKind.PRESERVATION, r"(证据)?先行登记保存(证据|物品)?(审批表|通知书|决定书|处理决定书|清单|物品清单|处理通知书)?|(解除)?先行登记保存(证据)?处理决定书"),
    # 行政强制措施 (checklist-enforcement.md, coercion-measure): the finer kinds first, the 决定书 last
    # 城管 form books: 采取（解除）强制措施审批表, 暂扣物品（工具）决定书 / 发还通知书 (暂扣 of goods or tools is 扣押;
    # 暂扣许可证件 is a penalty and names no goods); the 交通运输 式样之八 prints its list as a bare 物品清单
    (DocKind.COERCION_APPROVAL, r"(实施)?(行政强制措施|查封\(?扣押\)?|查封|扣押|冻结)(措施)?(审批|呈批)(表|单)|"
                                r"(采取|实施)?(\(?解除\)?)?强制措施(审批|呈批)(表|单)|"
                                # 公安: the head's approval is a 呈请扣押报告书 with the 领导批示 box
                                r"呈请(采取行政强制措施|查封\(?扣押\)?|查封|扣押|冻结)(报告书|审批表)"),
    (DocKind.SEIZURE_RECORD, r"(实施行政强制措施|查封\(?扣押\)?|查封|扣押|行政强制措施)现场笔录(\(?续页\)?)?"),
    (DocKind.SEIZURE_LIST, r"(查封\(?扣押\)?|查封|扣押)(物品|财物|场所、设施、财物|场所设施财物)?清单|(实施行政强制措施)?场所[/、]?设施[/、]?财物清单|"
                           rf"暂扣{_GOODS}?清单|(财物|物品)清单"),
    (DocKind.SEIZURE_EXTENSION, r"延长行政强制措施期限(决定|通知|告知)书|(延长)(查封\(?扣押\)?|查封|扣押)(期限)?(决定|通知|告知)书|(查封\(?扣押\)?|查封|扣押)?(期限)?延(期|长)(决定|通知|告知)书"),
    (DocKind.SEIZURE_RELEASE, r"解除(查封\(?扣押\)?|查封|扣押|行政强制措施)(决定|通知)书|"
                              rf"(暂扣|扣押|查封\(?扣押\)?|查封){_GOODS}?(发还|退还)(通知|决定)书"),
    (DocKind.SEIZURE_DISPOSAL, r"(查封\(?扣押\)?|查封|扣押)(物品|财物)?处理决定书"),
    (DocKind.TEST_PERIOD_NOTICE, r"(检测|检验|检疫|鉴定|技术鉴定|检测\(?检验\)?|检验\(?检测\)?)(、(检验|检疫|技术鉴定|鉴定))*期(间|限)告知书"),
    (DocKind.FREEZE_NOTICE, r"(协助)?冻结(存款|汇款|存款、汇款|存款\(?汇款\)?)?通知书"),
    (DocKind.FREEZE_DECISION, r"冻结(存款|汇款|存款、汇款|存款\(?汇款\)?)?决定书"),
    (DocKind.SEIZURE, r"(实施行政强制措施)?(查封|扣押|查封\(?扣押\)?)决定书|(实施)?行政强制措施决定书|"
                      rf"暂扣{_GOODS}决定书"),
    # 行政强制执行 (checklist-enforcement.md, coercion-execution): the 催告书 and the court application are below
    (DocKind.EXECUTION_SUSPENSION, r"(中止|终结)(强制)?执行(决定|通知)书"),
    (DocKind.EXECUTION_AGREEMENT, r"(行政强制)?执行协议(书)?"),
    (DocKind.EXECUTION_RECORD, r"(行政)?强制(执行|拆除)(现场)?(笔录|记录)(\(?续页\)?)?|执行现场(笔录|记录)|代履行(现场)?(笔录|记录)"),
    (DocKind.DEMOLITION_NOTICE, r"(强制|限期)(自行)?拆除(违法建筑物?|违法建设|违章建筑)?(的)?公告"),
    (DocKind.SUBSTITUTE_PERFORMANCE, r"(立即)?代履行决定书"),
    (DocKind.ENFORCEMENT_DECISION, r"(行政)?强制(执行|拆除)决定书"),
    # 人民法院(2024)京0105行审12号: the number is on the title line, read as a trailing 文号
    (DocKind.COURT_RULING, r"(人民法院)?(准予|不准予)?(强制)?(执行|行政)?裁定书|(人民)?(法院)?(行政)?(强制执行)?裁定"),
    (DocKind.RECTIFICATION_ORDER, r"责令\(?(限期)?\)?(改正|整改)(违法行为)?(通知书|决定书|指令书|通知)|限期(改正|整改)(通知书|指令书)"),
    (DocKind.INSPECTION_RECORD, r"现场(检查|勘验|勘查|勘察|检查\(?(勘验|勘查|勘察)\)?)?笔录(\(?续页\)?)?|现场检查记录(表)?|(检查|勘验|勘查|勘察)笔录(\(?续页\)?)?"),
    # 城乡规划法第六十四条: the order to pull a 违法建设 down by a date (what a 强制拆除 enforces)
    (DocKind.RECTIFICATION_ORDER, r"(责令)?限期(拆除|清除|清理|恢复原状)(违法建设|违法建筑物?|违章建筑|障碍物|堆放物)?(决定书|通知书)"),
    (DocKind.INQUIRY_NOTICE, r"(调查)?询问通知书|接受调查通知书"),
    (DocKind.INQUIRY_RECORD, r"(调查)?询问(\(?调查\)?)?笔录(\(?续页\)?)?|调查(询问)?笔录(\(?续页\)?)?"),
    (DocKind.PARTY_IDENTITY, r"营业执照(\(?(副本|正本)\)?)?(\(?复印件\)?)?|(居民)?身份证(\(?复印件\)?)?|主体资格(证明)?(材料)?|(法人)?授权委托书|法定代表人(身份)?证明(书)?|个体工商户营业执照"),
    # 证据材料 (glossary "evidence"): photos, test reports, sampling records, lists of evidence, documentary evidence
    (DocKind.EVIDENCE, r"(现场)?(检查)?(照片|图片|影像)(证据|资料|材料)?(\(?\d*\)?)?|(照片|影像|视听)(证据|资料)|"
                       r"(证据|物证|书证)(材料|清单|目录|提取单|提取笔录|登记表|复印件|照片)?|证据(材料)?(之)?[一二三四五六七八九十\d]+|"
                       r"(检测|检验|监测|鉴定|检验检测|质量检测)(报告|结果报告|意见)(书|单)?|鉴定意见(书)?|"
                       r"(抽样|采样|抽检|取样)(记录|单|笔录|检验报告|凭证)|现场(示意)?图|勘验图|视听资料|"
                       # documentary evidence as units file it: photos with a note, purchase and sales papers
                       r"(现场)?(照片|图片)\([^()]{1,12}\)(证据|资料)|(进货|销货|购货|送货|出库|入库)(单据|清单|单|凭证|记录)|(增值税)?(专用|普通)?发票"),
    # 案件处理意见书: the 调查终结 report of the 农业 and 交通运输 form books
    (DocKind.INVESTIGATION_REPORT, r"(行政处罚)?(案件)?调查终结(报告|审批表)(书)?|(行政处罚)?(案件)?调查(处理)?报告(书)?|案件处理意见(书|表)"),
    (DocKind.LEGAL_REVIEW, r"(重大)?(行政)?(执法决定|行政处罚(决定)?)?(案件)?法制(审核|审查)(意见)?(书|表|单)?|(案件)?核审意见(书|表)?"),
    (DocKind.COLLECTIVE_DISCUSSION, r"(行政处罚)?(重大)?(案件)?集体讨论(决定)?(会议)?(记录|笔录|纪要)|"
                                   r"(行政处罚)?(案件)?(审理|审核)委员会(会议)?(记录|纪要)|案审会(会议)?(记录|纪要)"),
    (DocKind.HEARING_APPLICATION, r"(行政处罚)?(要求)?听证申请(书|表)?|(当事人)?(要求|申请)(举行)?听证(申请)?(书|函)"),
    (DocKind.HEARING_NOTICE, r"(行政处罚)?听证(告知|通知)书"),
    (DocKind.HEARING_RECORD, r"(行政处罚)?听证(笔录|报告)(书)?"),
    (DocKind.DEFENSE_RECORD, r"(当事人)?陈述(、)?申辩(笔录|记录|书|材料)|(当事人)?陈述申辩(复核)?(意见|报告)(书)?|(放弃)?陈述(、)?申辩(权利)?(声明|确认书|告知书回执)|放弃陈述申辩(及听证)?(权利)?(声明|确认书)?"),
    (DocKind.DECISION_APPROVAL, r"(行政处罚)?决定审批表|(行政)?处罚(决定)?(审批|呈批)表|案件处理(呈批|审批)表|行政处罚(案件)?(审批|呈批)表"),
    # 违法行为通知书: the 交通运输 form book's notice of the intended penalty
    (DocKind.PENALTY_NOTICE, r"(不予)?行政处罚(决定)?(事先)?(\(听证\))?告知(书|单)|(行政处罚)?事先告知书|违法行为通知书"),
    # 简易程序: the pre-printed numbered form, also titled 行政处罚决定书（当场）
    (DocKind.ON_THE_SPOT_DECISION, rf"({_SECTOR})?(当场(行政)?处罚决定书|(适用)?简易程序(的)?(行政)?处罚决定书)|"
                                   r"(行政)?处罚决定书\((当场|简易程序)\)"),
    # a sector's own decision form: 林业行政处罚决定书, 税务行政处罚决定书, 水行政处罚决定书 …
    (DocKind.DECISION, rf"(不予)?({_SECTOR})?行政处罚决定书|处罚决定书"),
    (DocKind.SUMMARY_FILING_RECORD, r"(行政处罚)?(简易程序|当场(行政)?处罚)(案件|决定)?备案(登记)?(表|单|记录|台账)|(行政处罚)?(决定)?备案(登记)?(表|记录)"),
    # 三项制度 公示: a print or screenshot of the published decision (the 许可 ones are in the licence table)
    (DocKind.PUBLICATION_PROOF, r"(行政处罚|处罚决定|执法决定|行政执法|行政强制)(决定)?(信息)?(公示|公开)(截图|页面|记录|证明|材料)|"
                                r"(网上|网站|信用)(公示|公开)(截图|页面|记录|证明)"),
    (DocKind.AV_RECORD_INDEX, r"(执法)?(全过程)?(音像|音视频|视音频|录音录像)(记录)?(资料)?(清单|登记表|目录|存储记录)|执法记录仪(使用|存储)?(登记|记录)(表|单)?"),
    (DocKind.SERVICE_RECEIPT, r"(文书|法律文书)?送达(回证|回执|地址确认书|公告)|(邮寄|邮件)(送达)?(凭证|回执|详情单)|"
                              # EMS: 中国邮政特快专递邮件详情单, 邮件全程跟踪查询(结果), 国内标准快递详情单
                              rf"(中国邮政)?(EMS)?(国内)?(标准)?(特快专递|快递|挂号信)(邮件)?{_MAIL_RECORD}|"
                              rf"(中国邮政)?(EMS)?邮件{_MAIL_RECORD}|(中国邮政)?EMS{_MAIL_RECORD}"),
    (DocKind.PAYMENT_RECEIPT, r"罚没款(缴款)?(凭证|收据|票据)|(政府)?非税收入(一般)?缴款(书|凭证)|罚(款|没)收据|(银行)?(电子)?缴款(凭证|回单|书)|"
                                r"罚(没)?款缴纳(凭证|回单|证明)|(非税收入)?电子缴款(凭证|回单)|罚没(收入)?缴款(书|凭证)|"
                                r"(银行)?(电子|业务|转账)?(回单|转账凭证|缴款凭证)\((付款|收款|借记|贷记)\)|银行(电子|业务|转账)?(回单|转账凭证|缴款凭证)|业务回单"),
    # 行政处罚决定履行催告书 (市场监管 2021 范本), 督促履行义务催告书 (生态环境), 催告通知书 (建设/城管 格式文本)
    (DocKind.PAYMENT_REMINDER, r"(行政处罚决定履行|履行(行政处罚|行政)?决定|督促履行(义务)?|缴纳罚款|履行|强制执行|代履行|加处罚款)?"
                               r"催告(通知)?书|催缴(通知书|函)"),
    (DocKind.ENFORCEMENT_APPLICATION, r"(行政处罚)?(申请)?(人民法院)?强制执行申请书|(行政)?非诉(行政)?(案件)?执行申请书|"
                                      r"申请(人民法院)?强制执行(书|函)"),
    (DocKind.CLOSING_APPROVAL, r"(行政处罚)?(案件)?结案(审批|呈批|报告)(表|书)?|结案报告"),
    (DocKind.REGISTER, r"(行政处罚|行政执法)?(案件)?(办理)?(台账|登记台账|统计台账)|(案件|执法)(情况)?(台账|登记表|一览表)"),
]
_AGENCY = (
    r"[\u4e00-\u9fff()0-9A-Za-z]{2,40}?(人民政府|委员会|办事处|管理局|执法局|监督局|综合执法队|大队|支队|中队|分局|"
    r"局|委|厅|办|室|署|所|站|队|中心|院|部|处|镇|乡|街道|公司|学校|海关|"
    # an agency name cut by a line wrap or a web page before its last word: 天津市市场和质量监督管理 / 委员会
    r"监督管理|综合行政执法|综合执法)"
    # a place name alone: 湖南省非税收入一般缴款书, 北京市罚没款收据
    r"|[\u4e00-\u9fff]{1,12}?(省|自治区|市|自治州|县|区|旗)"
)
# a form printed per party kind: 行政处罚决定书（单位）/（个人） (安全生产 文书式样)
_SUFFIX = r"(\((存根|副本|正本|回执|续页|续|第?[一二三四五六1-6]联|[一二三]|简易程序|一般程序|当场|复印件|存档|存档联|交当事人|单位|个人|[^()]{0,8}联)\))*"
_COMPILED = [
    (kind, re.compile(rf"(?P<agency>{_AGENCY})?(?P<title>{pattern}){_SUFFIX}(\(?[一二三四五六七八九十\d]\)?)?"))
    for kind, pattern in _TITLES
]
# A 文号 printed on the title line, after the title, bare or in brackets (brackets already folded to ()):
# 益阳市生态环境局 行政处罚决定书 益环罚〔2024〕3003号 / 行政处罚决定书(沅自然资罚决〔2025〕09号)
_TRAILING_NUMBER = re.compile(
    r"\(?(?:[\u4e00-\u9fffA-Za-z0-9]|\([\u4e00-\u9fffA-Za-z0-9]{1,8}\)){1,24}?"
    r"\((?:19|20)\d{2}\)第?[A-Za-z0-9\-]{1,16}(?:\([\u4e00-\u9fff]{1,4}\))?号\)?$"
    # a court's case number: (2024)京0105行审12号, (2023)浙0102执4567号
    r"|\(?\((?:19|20)\d{2}\)[\u4e00-\u9fff]{1,2}\d{2,6}[\u4e00-\u9fff]{1,4}\d{1,6}号\)?$")
_FOLD = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "〔": "(", "〕": ")", "［": "(", "］": ")", "[": "(", "]": ")"})
_SPACE = re.compile(r"\s+")
_QUOTES = re.compile(r"[“”\"‘’']")  # “双随机、一公开”抽查记录: quotes around a term are no part of the title
_NUMBER_LINE = re.compile(r"^.{0,30}(\(|〔|［|\[)\s*\d{4}\s*(\)|〕|］|\]).{0,15}号$")  # 京朝城管罚字〔2024〕第12号
_LATER_PAGE = re.compile(r"第\s*([2-9]|\d{2,})\s*页")
_AGENCY_LINE = re.compile(rf"^{_AGENCY}(\(印章\)|\(章\))?$")

# Content cues for documents whose title is missing or unreadable: every pattern must occur in the head lines
# (the first one locates the evidence line).
_CUES: list[tuple[DocKind, tuple[str, ...]]] = [
    (DocKind.INQUIRY_RECORD, ("询问人", "被询问人", "记录人")),
    (DocKind.INSPECTION_RECORD, ("检查时间", "检查地点", "检查人")),
    (DocKind.SERVICE_RECEIPT, ("送达文书", "受送达人")),
    (DocKind.PAYMENT_RECEIPT, ("缴款人", "收款人")),
    (DocKind.PARTY_IDENTITY, ("统一社会信用代码", "法定代表人", "经营范围")),
    # a decision published without its heading: a party line and the decision itself, never the notice's 拟
    (DocKind.DECISION, ("^(当事人|被处罚人|被处罚单位)[:：(]",
                        r"(?<!拟)(决定给予|决定对.{0,20}处以|作出如下(行政)?处罚|处罚如下|行政处罚的依据[、和]种类)")),
]


@dataclass(frozen=True, slots=True)
class TitleHit:
    kind: DocKind
    title: str
    block: TextBlock
    line: str


# A form for two outcomes names both: 立案/不予立案审批表 is a 立案审批表 (the outcome is in its content).
_BOTH_OUTCOMES = re.compile(r"([\u4e00-\u9fff]{2,4})[/／](?:不予|不)\1")


def normalize_line(text: str) -> str:
    """Whitespace and quotes removed (行 政 处 罚 → 行政处罚), brackets folded to ASCII parentheses, trailing colons dropped,
    a two-outcome title (立案/不予立案审批表) read as its first outcome."""
    return _BOTH_OUTCOMES.sub(r"\1", _QUOTES.sub("", _SPACE.sub("", text)).translate(_FOLD).rstrip(":："))


def match_title(line: str) -> tuple[DocKind, str] | None:
    """The kind and canonical title of a title-like line, or None for body text.

    A 文号 after the title on the same line (agency, title and number on one heading line) is allowed.
    """
    folded = normalize_line(line)
    if not folded:
        return None
    for kind, regex in _COMPILED:
        m = regex.fullmatch(folded) if len(folded) <= MAX_TITLE_LEN else None
        if m is None:
            m = regex.match(folded)
            # the copy-marker group may have eaten the "(2" of a number that follows the title: try from the title
            if m is None or m.end() > MAX_TITLE_LEN or not (_TRAILING_NUMBER.fullmatch(folded, m.end())
                                                            or _TRAILING_NUMBER.fullmatch(folded, m.end("title"))):
                continue
        # "行政处罚决定书（简易程序）": the procedure is part of what the document is
        procedure = next((p for p in ("简易程序", "一般程序", "当场") if p in folded[m.end("title"):]), "")
        if kind == DocKind.DECISION and procedure in ("简易程序", "当场"):
            kind = DocKind.ON_THE_SPOT_DECISION
        return kind, m["title"] + (f"({procedure})" if procedure else "")
    return None


def _lines(blocks: list[TextBlock], limit: int):
    """(block, line) pairs of the first `limit` non-empty lines (a block may hold several lines)."""
    count = 0
    for block in blocks:
        for line in block.text.split("\n"):
            if line.strip():
                yield block, line.strip()
                count += 1
                if count >= limit:
                    return


def find_title(blocks: list[TextBlock], limit: int = HEAD_LINES, strict: bool = False) -> TitleHit | None:
    """The first title-like line among the first `limit` lines.

    strict (used to start a new document inside a file): only agency-name, number and page-number lines may
    stand before the title, so a list of titles in a catalogue or a table does not split the file.
    """
    head = list(_lines(blocks, limit))
    for i, (block, line) in enumerate(head):
        # a heading wrapped by a narrow column or a PDF export continues on the next line or two; an agency
        # or number line on its own is left alone (the title line below it is the evidence)
        following = [ln for _, ln in head[i + 1 : i + 3]]
        joins = [] if _is_header_line(line) and len(line) > 12 else [following[:1], following]
        for candidate in (line, *(line + "".join(part) for part in joins if part)):
            hit = match_title(candidate)
            if hit:
                return TitleHit(hit[0], hit[1], block, candidate)
        if strict and not _is_header_line(line):
            return None
    return None


_SERIES_LINE = re.compile(r"[\u4e00-\u9fff]{2,14}文书")  # 安全生产行政执法文书: the form book's series name


def _is_header_line(line: str) -> bool:
    folded = normalize_line(line)
    return bool(_AGENCY_LINE.fullmatch(folded) or _NUMBER_LINE.match(line.strip()) or is_page_mark(line)
                or _SERIES_LINE.fullmatch(folded))


def _cue(blocks: list[TextBlock]) -> TitleHit | None:
    head = list(_lines(blocks, 40))
    lines = [normalize_line(line) for _, line in head]
    for kind, patterns in _CUES:
        if all(any(re.search(p, line) for line in lines) for p in patterns):
            block, line = next((b, ln) for (b, ln), folded in zip(head, lines, strict=True)
                               if re.search(patterns[0], folded))
            return TitleHit(kind, "", block, line)
    return None


def classify(doc: Document) -> Document:
    """A copy of `doc` with kind, title and kind_evidence set from its title line (or content cues)."""
    hit = find_title(doc.blocks) or _cue(doc.blocks)
    if hit is None:
        return replace(doc, kind=DocKind.UNKNOWN, title="", kind_evidence=None)
    evidence = Evidence(doc.source_file, hit.block.position, hit.line)
    return replace(doc, kind=hit.kind, title=hit.title, kind_evidence=evidence)


def split_documents(doc: Document) -> list[Document]:
    """Classified parts of a file that may hold several documents, in order; blocks and positions unchanged.

    PDFs split only at page starts and workbooks at sheet starts whose first lines are a title; .docx files
    split at a paragraph (outside tables) that is a title line, taking the agency-name and 文号 lines just above with it.
    """
    starts = _starts(doc)
    if len(starts) <= 1:
        return [classify(doc)]
    bounds = list(zip(starts, starts[1:] + [len(doc.blocks)], strict=True))
    return [classify(_part(doc, lo, hi, first=i == 0)) for i, (lo, hi) in enumerate(bounds)]


def _starts(doc: Document) -> list[int]:
    blocks = doc.blocks
    if not blocks:
        return [0]
    starts = [0]
    if doc.file_format == "docx":
        for i, block in enumerate(blocks):
            if i == 0 or block.in_table or "\n" in block.text.strip() or _is_label(block.text) \
                    or not match_title(block.text):
                continue
            if _continues(block.text) or _in_list_or_label(blocks, i):
                continue
            if starts == [0] and _only_heading_lines(blocks[:i]):
                continue  # "安全生产行政执法文书" above the first title: the form's heading, not a document
            start = i
            while start > max(starts[-1], i - 2) and _is_lead_line(blocks[start - 1]):
                start -= 1  # the agency's name line and a 文号 line written above the title go with it
            if start > starts[-1]:
                starts.append(start)
        return starts
    unit = _unit_key(doc.file_format)
    i = 0
    while i < len(blocks):
        key = unit(blocks[i])
        j = i
        while j < len(blocks) and unit(blocks[j]) == key:
            j += 1
        if i > 0:
            hit = find_title(blocks[i:j], PAGE_HEAD_LINES, strict=True)
            if hit and not _continues(hit.line) and not _later_page(blocks[i:j]):
                starts.append(i)
        starts.extend(k for k in range(max(i, 1), j) if k not in starts and _starts_within_page(blocks, k, i))
        i = j
    return sorted(set(starts))


_DOCUMENT_END = re.compile(r"(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[。）)]|\((?:印章|盖章|公章)\))\s*$")


def _starts_within_page(blocks: list[TextBlock], k: int, page_start: int) -> bool:
    """A second document begun on the same page (a 备考表 under the 结案审批表): a line that is only a title,
    right after a line that ends a document (its date or a full stop), never inside a list or after a label."""
    if k - page_start < 2 or blocks[k].in_table or not _DOCUMENT_END.search(blocks[k - 1].text.strip()):
        return False  # the cheap test first: most lines follow no document's end
    return bool(match_title(blocks[k].text)) and not _is_label(blocks[k].text) and not _in_list_or_label(blocks, k) and not _continues(blocks[k].text)


_HEADING_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,20}$")


def _is_label(text: str) -> bool:
    """'当事人陈述申辩意见：' left blank on a form is a field's label, not the title of a document that starts."""
    return text.strip().endswith((":", "："))


def _only_heading_lines(blocks: list[TextBlock]) -> bool:
    """At most three short lines of words only (a series name, an agency): what a form prints above its title."""
    return 0 < len(blocks) <= 3 and all(not b.in_table and _HEADING_LINE.match(normalize_line(b.text)) for b in blocks)


def _in_list_or_label(blocks: list[TextBlock], i: int) -> bool:
    """A title after a label ("送达文书：") or among other titles (a catalogue written as paragraphs) is a value."""
    before = _neighbour(blocks, i, -1)
    if before is not None and (before.text.strip().endswith((":", "：")) or match_title(before.text)):
        return True
    after = _neighbour(blocks, i, 1)
    return after is not None and not after.in_table and match_title(after.text) is not None


_LIST_FILLER = re.compile(r"^(\d{1,4}\s*([-—~至]\s*\d{1,4})?|\d{1,3}\s*[.、]|[一二三四五六七八九十]{1,3}\s*、)$")


def _neighbour(blocks: list[TextBlock], i: int, step: int) -> TextBlock | None:
    """The paragraph next to block i, past a catalogue's serial and page-number paragraphs ("3", "4-6")."""
    j = i + step
    for _ in range(3):
        if not 0 <= j < len(blocks):
            return None
        if blocks[j].in_table or not _LIST_FILLER.match(blocks[j].text.strip()):
            return blocks[j]
        j += step
    return None


def _unit_key(file_format: str):
    if file_format == "xlsx":
        return lambda b: (b.position.cell or "").rsplit("!", 1)[0]
    return lambda b: b.position.page


def _continues(line: str) -> bool:
    return "续页" in line or normalize_line(line).endswith("(续)")


def _later_page(blocks: list[TextBlock]) -> bool:
    """A page marked 第2页 (or later) at its head continues a multi-page form even if its title is repeated;
    the file's own page number printed at the foot of a short page is no such mark."""
    lines = [line for _, line in _lines(blocks, 10_000)]
    return any(_LATER_PAGE.search(line) for n, line in enumerate(lines[: PAGE_HEAD_LINES + 3])
               if not (n == len(lines) - 1 and is_page_mark(line)))


def _is_lead_line(block: TextBlock) -> bool:
    """An agency-name line, or a bare 文号 line (no "文号：" label: a label line is a value of the form above)."""
    if block.in_table:
        return False
    text = block.text.strip()
    if _AGENCY_LINE.fullmatch(normalize_line(text)):
        return True
    return bool(_NUMBER_LINE.match(text)) and ":" not in text and "：" not in text


def _part(doc: Document, lo: int, hi: int, first: bool) -> Document:
    blocks = doc.blocks[lo:hi]
    part = Document(source_file=doc.source_file, file_format=doc.file_format, blocks=blocks)
    if doc.file_format == "pdf":
        first_page = 1 if first else blocks[0].position.page or 1
        last_page = _next_page_before(doc, hi)
        part.page_count = last_page - first_page + 1
        part.pages_needing_ocr = tuple(p for p in doc.pages_needing_ocr if first_page <= p <= last_page)
        part.ocr_pages = tuple(p for p in doc.ocr_pages if first_page <= p <= last_page)
    elif doc.file_format == "docx":
        lo_par = blocks[0].position.paragraph or 0
        hi_par = doc.blocks[hi].position.paragraph if hi < len(doc.blocks) else None
        part.page_count = doc.page_count
        part.tables = [
            t for t in doc.tables
            if (t.position.paragraph or 0) >= (0 if first else lo_par)
            and (hi_par is None or (t.position.paragraph or 0) < hi_par)
        ]
    else:
        sheets = {(b.position.cell or "").rsplit("!", 1)[0] for b in blocks}
        part.page_count = doc.page_count
        part.tables = [t for t in doc.tables if (t.position.cell or "").rsplit("!", 1)[0] in sheets]
    return part


def _next_page_before(doc: Document, hi: int) -> int:
    """The last page of a part ending before block `hi`: the page before the next part's first page."""
    if hi < len(doc.blocks):
        return (doc.blocks[hi].position.page or 1) - 1
    return max(doc.page_count, doc.blocks[-1].position.page or 1)
