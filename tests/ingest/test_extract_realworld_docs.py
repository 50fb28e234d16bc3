"""Extraction on hand-written documents other than the decision, in the templates of other units: 案件来源登记表 /
案源登记表 / 线索登记表, 立案审批表 / 立案登记表 (the 立案日期 in a signature line or a table cell), 笔录 with their
times and officers in header tables, 告知书 (number, intended fine, 陈述申辩 period), 听证 documents, 陈述申辩笔录
and waivers, 送达回证 and EMS receipts (which document was served, when), 缴款书, 结案审批表, 卷内目录 (never
mistaken for the documents it lists), 集体讨论记录, 法制审核意见书, title variants, and whole dossiers in one .docx
or one PDF. None of it comes from the sample generator.

Each document is written to a real .docx or PDF, read by the real readers, split and classified as the pipeline
does, and its facts compared with what a reviewer would write in cases.csv (a missing value is better than a
wrong one: several probes check that a nearby wrong date is NOT taken).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal as D
from pathlib import Path

import pytest

from ingest.classify import match_title, split_documents
from ingest.extract import extract_case, extract_document
from ingest.glossary import DocKind as K
from ingest.model import DateRole as R
from ingest.model import DocFacts, Document, Dossier
from ingest.normalize import no_spaces
from ingest.readers import read_file
from tests.ingest.builders import cases_csv_row, make_docx, make_pdf


@dataclass
class Probe:
    name: str
    fmt: str  # docx | pdf
    items: list  # docx: paragraphs and tables; pdf: pages of lines
    kinds: list[K]  # the kinds split_documents must give, in order
    expect: dict = field(default_factory=dict)


AG = "长沙市芙蓉区市场监督管理局"
PARTY = "湖南鑫达食品有限公司"
CODE = "914101850572028342"
OFFICERS = [("张三", "43010012345"), ("李四", "43010012346")]

PROBES: list[Probe] = []
PROBES.append(Probe("source_table", "docx", [
    AG,
    "案件来源登记表",
    [["来源分类", "投诉举报", "登记时间", "2024年3月1日"],
     ["当事人", PARTY, "联系电话", "0731-8888888"],
     ["地址", "长沙市芙蓉区五一大道100号", "", ""],
     ["案件来源及主要内容", "2024年2月28日接群众举报，反映该公司销售过期食品。", "", ""],
     ["登记人", "周某某", "", ""],
     ["承办机构意见", "建议核查。周某某 2024年3月2日", "", ""],
     ["负责人意见", "同意。王某 2024年3月4日", "", ""]],
], [K.CASE_SOURCE], {"dates": {R.SOURCE: date(2024, 3, 1)}}))

PROBES.append(Probe("source_pdf", "pdf", [[
    "长沙市城市管理和综合执法局",
    "案 源 登 记 表",
    "编号：长城执案源〔2024〕0031号",
    "案源类别：日常巡查",
    "接报时间：2024年3月1日10时20分",
    "当事人：湖南鑫达食品有限公司",
    "基本情况：执法人员在日常巡查中发现该公司在五一大道100号门前占道经营。",
    "处理意见：建议立案调查。",
    "登记人：周某某                   2024年3月1日",
]], [K.CASE_SOURCE], {"dates": {R.SOURCE: date(2024, 3, 1)}}))

PROBES.append(Probe("clue_register", "docx", [
    "案件线索登记表",
    [["线索来源", "上级交办"],
     ["发现时间", "2024.2.28"],
     ["涉及单位", PARTY],
     ["线索内容", "市局交办：该公司涉嫌生产不符合食品安全标准的食品。"],
     ["登记日期", "2024年3月1日"]],
], [K.CASE_SOURCE], {"dates": {R.SOURCE: date(2024, 2, 28)}}))

PROBES.append(Probe("filing_sign", "docx", [
    AG,
    "立 案 审 批 表",
    [["案件来源", "投诉举报", "受案时间", "2024年3月1日"],
     ["当事人", PARTY, "统一社会信用代码", CODE],
     ["案由", "涉嫌销售超过保质期的食品案"],
     ["简要案情及立案理由", "经初步核查，当事人涉嫌于2024年2月20日销售超过保质期的食品，违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。"],
     ["承办人", "张三、李四"],
     ["承办机构意见", "建议立案。李四 2024年3月4日"],
     ["负责人审批意见", "同意立案。王某 2024年3月5日"]],
], [K.FILING_APPROVAL], {"dates": {R.FILING: date(2024, 3, 5)}}))

PROBES.append(Probe("filing_register", "pdf", [[
    "长沙市芙蓉区应急管理局",
    "立案登记表",
    "应急立〔2024〕8号",
    "案件名称：湖南鑫达食品有限公司未按规定开展安全培训案",
    "案件来源：监督检查   受案日期：2024年3月1日",
    "立案日期：2024年3月6日",
    "当事人：湖南鑫达食品有限公司",
    "承办人：张三、李四",
    "审批意见：同意立案，由执法一科承办。",
    "审批人：王某          2024年3月6日",
]], [K.FILING_APPROVAL], {"dates": {R.FILING: date(2024, 3, 6)}}))

PROBES.append(Probe("filing_signed_pdf", "pdf", [[
    "长沙市芙蓉区市场监督管理局",
    "行政处罚立案审批表",
    "当事人：湖南鑫达食品有限公司",
    "案件来源：投诉举报（2024年3月1日登记）",
    "案由：涉嫌销售超过保质期的食品",
    "承办人意见：建议立案调查。",
    "                张三 2024年3月4日",
    "负责人审批意见：同意立案。",
    "                王某 2024年3月5日",
]], [K.FILING_APPROVAL], {"dates": {R.FILING: date(2024, 3, 5)}}))

PROBES.append(Probe("inspection_table", "docx", [
    AG,
    "现场检查（勘验）笔录",
    [["检查时间", "2024年3月5日9时30分至10时15分"],
     ["检查地点", "长沙市芙蓉区五一大道100号"],
     ["被检查单位", PARTY],
     ["现场负责人", "赵某某", "职务", "店长"],
     ["执法人员", "张三", "执法证号", "43010012345"],
     ["", "李四", "执法证号", "43010012346"],
     ["记录人", "李四"]],
    "执法人员向被检查人出示了执法证件，说明来意。",
    "检查情况：在该公司货架上发现超过保质期的饼干12盒。",
    "被检查人签名：赵某某      2024年3月5日",
], [K.INSPECTION_RECORD], {
    "span": (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15)),
    "officers": OFFICERS,
}))

PROBES.append(Probe("inquiry_pdf", "pdf", [[
    "询问（调查）笔录",
    "询问时间：自2024年3月8日09:30至10:15",
    "询问地点：长沙市芙蓉区市场监督管理局一楼询问室",
    "询问人：张三   执法证号：43010012345",
    "记录人：李四   执法证号：43010012346",
    "被询问人：赵某某   性别：男   职务：店长",
    "问：我们是长沙市芙蓉区市场监督管理局执法人员，这是我们的执法证件，请你过目。",
    "答：看清楚了。",
    "被询问人签名：赵某某",
]], [K.INQUIRY_RECORD], {
    "span": (datetime(2024, 3, 8, 9, 30), datetime(2024, 3, 8, 10, 15)),
    "officers": OFFICERS,
}))

PROBES.append(Probe("inquiry_table_cert", "docx", [
    "调查询问笔录",
    [["时间", "2024年3月8日14时00分至15时20分"],
     ["地点", "局办公室"],
     ["调查人", "张三、李四", "执法证号", "43010012345、43010012346"],
     ["记录人", "李四"],
     ["被调查人", "赵某某", "身份证号码", "430102198001011234"]],
    "问：你单位的经营范围是什么？",
    "答：食品销售。",
], [K.INQUIRY_RECORD], {
    "span": (datetime(2024, 3, 8, 14, 0), datetime(2024, 3, 8, 15, 20)),
    "officers": OFFICERS,
}))

NOTICE = [
    AG,
    "行政处罚事先告知书",
    "芙市监罚告〔2024〕12号",
    PARTY + "：",
    "经查，你公司于2024年2月20日销售超过保质期的饼干12盒，货值金额360元，违法所得120元。",
    "你公司的上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。依据《中华人民共和国食品安全法》"
    "第一百二十四条第一款第（五）项的规定，本局拟对你公司作出如下行政处罚：1.没收违法所得120元；2.罚款人民币贰万元（¥20000元）。",
    "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你公司可在收到本告知书之日起五个工作日内向本局提出陈述、申辩，"
    "逾期未提出的，视为放弃上述权利。",
    "联系人：张三   联系电话：0731-84000000",
    AG,
    "2024年3月20日",
]
PROBES.append(Probe("notice", "docx", NOTICE, [K.PENALTY_NOTICE], {
    "own_no": "芙市监罚告〔2024〕12号", "fine": D(20000), "dates": {R.NOTICE: date(2024, 3, 20)},
    "defense_days": 5,
}))

PROBES.append(Probe("notice_no_shiqian_pdf", "pdf", [[
    "长沙市城市管理和综合执法局",
    "行政处罚告知书",
    "长城执罚告字[2024]第0012号",
    "湖南鑫达食品有限公司：",
    "你单位于2024年3月1日在五一大道100号门前占道经营，违反了《长沙市市容和环境卫生管理条",
    "例》第十八条的规定。依据该条例第四十条的规定，本局拟对你单位处以罚款人民币伍佰元整。",
    "你单位如对上述处罚有异议，可在收到本告知书之日起三日内提出陈述和申辩。",
    "二〇二四年三月十二日",
]], [K.PENALTY_NOTICE], {
    "own_no": "长城执罚告字[2024]第0012号", "fine": D(500), "dates": {R.NOTICE: date(2024, 3, 12)},
}))

PROBES.append(Probe("hearing_inform", "docx", [
    AG,
    "行政处罚听证告知书",
    "芙市监听告〔2024〕3号",
    PARTY + "：",
    "本局拟对你公司作出罚款人民币贰万元的行政处罚。根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，"
    "你公司有要求听证的权利。如要求听证，应当在收到本告知书之日起五日内向本局提出。",
    AG,
    "2024年3月20日",
], [K.HEARING_NOTICE], {"dates": {R.HEARING_NOTICE: date(2024, 3, 20)}, "fine": D(20000)}))

PROBES.append(Probe("hearing_notice", "pdf", [[
    "长沙市芙蓉区市场监督管理局",
    "听证通知书",
    "芙市监听通〔2024〕3号",
    "湖南鑫达食品有限公司：",
    "根据你公司的申请，本局定于2024年4月2日上午9时30分在本局三楼会议室举行听证。",
    "听证主持人：刘某某   记录员：陈某某",
    "二〇二四年三月二十六日",
]], [K.HEARING_NOTICE], {"dates": {R.HEARING: date(2024, 4, 2), R.HEARING_NOTICE: date(2024, 3, 26)}}))

PROBES.append(Probe("hearing_record", "docx", [
    "听证笔录",
    [["案由", "湖南鑫达食品有限公司销售超过保质期的食品案"],
     ["听证时间", "2024年4月2日9时30分至11时05分"],
     ["听证地点", "本局三楼会议室"],
     ["听证主持人", "刘某某"],
     ["记录员", "陈某某"],
     ["案件调查人员", "张三（执法证号43010012345）、李四（执法证号43010012346）"]],
    "主持人：现在开始听证。",
], [K.HEARING_RECORD], {"dates": {R.HEARING: date(2024, 4, 2)}, "officers": OFFICERS}))

PROBES.append(Probe("defense_record", "pdf", [[
    "陈述申辩笔录",
    "时间：2024年3月22日14时10分至14时40分",
    "地点：长沙市芙蓉区市场监督管理局",
    "陈述申辩人：赵某某   职务：店长",
    "承办人：张三（执法证号：43010012345）、李四（执法证号：43010012346）",
    "陈述申辩内容：我公司认识到错误，请求从轻处罚。",
    "陈述申辩人签名：赵某某",
]], [K.DEFENSE_RECORD], {"span": (datetime(2024, 3, 22, 14, 10), datetime(2024, 3, 22, 14, 40)),
                              "officers": OFFICERS}))

PROBES.append(Probe("waiver", "docx", [
    "放弃陈述申辩声明",
    "长沙市芙蓉区市场监督管理局：",
    "本单位已于2024年3月21日收到你局《行政处罚事先告知书》（芙市监罚告〔2024〕12号），对告知的违法事实、"
    "处罚依据和拟作出的行政处罚无异议，现声明放弃陈述、申辩和要求听证的权利。",
    "声明人（签章）：湖南鑫达食品有限公司",
    "2024年3月22日",
], [K.DEFENSE_RECORD], {"waiver": True, "dates": {R.NOTICE_SERVED: date(2024, 3, 21)}}))

PROBES.append(Probe("receipt_notice", "docx", [
    AG,
    "送 达 回 证",
    [["送达文书名称", "行政处罚事先告知书"],
     ["文号", "芙市监罚告〔2024〕12号"],
     ["受送达人", PARTY],
     ["送达地点", "长沙市芙蓉区五一大道100号"],
     ["送达方式", "直接送达"],
     ["收件日期", "2024年3月21日"],
     ["受送达人签名或盖章", "赵某某"],
     ["送达人", "张三、李四"]],
], [K.SERVICE_RECEIPT], {"served": "行政处罚事先告知书", "dates": {R.DELIVERY: date(2024, 3, 21)}}))

PROBES.append(Probe("receipt_header_row", "docx", [
    "送达回证",
    [["送达文书名称及文号", "受送达人", "送达方式", "送达地点", "签收日期", "受送达人签名"],
     ["行政处罚决定书 芙市监罚字〔2024〕15号", PARTY, "邮寄送达", "五一大道100号", "2024年4月17日", "赵某某"]],
    "送达人：张三、李四",
    "填发日期：2024年4月15日",
], [K.SERVICE_RECEIPT], {"served": "行政处罚决定书", "dates": {R.DELIVERY: date(2024, 4, 17)}}))

PROBES.append(Probe("receipt_sign_pdf", "pdf", [[
    "长沙市城市管理和综合执法局",
    "送达回证",
    "案由：湖南鑫达食品有限公司占道经营案",
    "送达文书：行政处罚决定书（长城执罚决字[2024]第0015号）",
    "受送达人：湖南鑫达食品有限公司",
    "送达地点：五一大道100号",
    "受送达人签收：赵某某   2024年3月25日",
    "送达人：张三   李四",
    "备注：",
    "2024年3月22日",
]], [K.SERVICE_RECEIPT], {"served": "行政处罚决定书", "dates": {R.DELIVERY: date(2024, 3, 25)}}))

PROBES.append(Probe("ems", "pdf", [[
    "邮件详情单",
    "EMS 中国邮政速递物流",
    "邮件号：1234567890123",
    "寄件人：长沙市芙蓉区市场监督管理局",
    "收件人：湖南鑫达食品有限公司 赵某某",
    "收件地址：长沙市芙蓉区五一大道100号",
    "内件品名：行政处罚决定书（芙市监罚字〔2024〕15号）",
    "收寄时间：2024-04-15 16:20",
    "妥投时间：2024-04-17 10:21 本人签收",
]], [K.SERVICE_RECEIPT], {"served": "行政处罚决定书", "dates": {R.DELIVERY: date(2024, 4, 17)}}))

PROBES.append(Probe("payment_book", "pdf", [[
    "湖南省非税收入一般缴款书",
    "执收单位：长沙市芙蓉区市场监督管理局",
    "缴款人：湖南鑫达食品有限公司",
    "决定书文号：芙市监罚字〔2024〕15号",
    "收入项目：罚没收入",
    "金额（大写）：贰万零壹佰贰拾元整",
    "金额（小写）：¥20120.00",
    "缴款日期：2024年4月25日",
]], [K.PAYMENT_RECEIPT], {}))

PROBES.append(Probe("payment_voucher", "docx", [
    "罚没款缴款凭证",
    [["缴款人", PARTY], ["缴款日期", "2024-04-25"], ["金额", "人民币20120元"], ["收款银行", "长沙银行"]],
], [K.PAYMENT_RECEIPT], {}))

PROBES.append(Probe("closing", "docx", [
    AG,
    "结案审批表",
    [["案件名称", "湖南鑫达食品有限公司销售超过保质期的食品案"],
     ["决定书文号", "芙市监罚字〔2024〕15号"],
     ["处罚决定日期", "2024年4月15日"],
     ["执行情况", "当事人已于2024年4月25日缴纳罚没款20120元。"],
     ["承办人意见", "建议结案。张三 2024年5月6日"],
     ["负责人审批意见", "同意结案。王某 2024年5月8日"]],
], [K.CLOSING_APPROVAL], {"dates": {R.CLOSING: date(2024, 5, 8), R.DECISION: date(2024, 4, 15)},
                           "no_dates": [R.VIOLATION]}))

PROBES.append(Probe("closing_report", "pdf", [[
    "结案报告",
    "长城执罚决字[2024]第0015号案件，当事人已于2024年3月30日全额缴纳罚款500元，处罚决定已执行完毕，建议结案。",
    "承办人：张三、李四",
    "2024年4月2日",
]], [K.CLOSING_APPROVAL], {"dates": {R.CLOSING: date(2024, 4, 2)}, "no_dates": [R.VIOLATION]}))

PROBES.append(Probe("catalog_docx", "docx", [
    "卷 内 目 录",
    [["序号", "文书名称", "文号", "日期", "页码"],
     ["1", "行政处罚决定书", "芙市监罚字〔2024〕15号", "2024.4.15", "1-3"],
     ["2", "送达回证", "", "2024.4.17", "4"],
     ["3", "案件来源登记表", "", "2024.3.1", "5"],
     ["4", "立案审批表", "", "2024.3.5", "6"]],
], [K.CATALOG], {"no_dates": [R.FILING, R.SOURCE, R.DELIVERY, R.DECISION]}))

PROBES.append(Probe("catalog_paragraphs", "docx", [
    "卷内目录",
    "1. 立案审批表 …………………… 1",
    "行政处罚事先告知书",
    "送达回证",
    "行政处罚决定书",
    "结案审批表",
], [K.CATALOG], {"no_dates": [R.FILING, R.SOURCE, R.DELIVERY, R.DECISION]}))

PROBES.append(Probe("collective", "docx", [
    "重大案件集体讨论记录",
    [["案件名称", "湖南鑫达食品有限公司销售超过保质期的食品案"],
     ["讨论时间", "2024年4月10日14时30分至15时30分"],
     ["讨论地点", "局党组会议室"],
     ["主持人", "王某"],
     ["参加人员", "王某、刘某、陈某"],
     ["记录人", "陈某某"]],
    "讨论意见：一致同意对当事人罚款人民币贰万元，没收违法所得120元。",
], [K.COLLECTIVE_DISCUSSION], {"officers": []}))  # 记录人 is a clerk

PROBES.append(Probe("legal_review", "docx", [
    "法制审核意见书",
    "芙市监法审〔2024〕9号",
    "执法稽查科：",
    "你科报送的湖南鑫达食品有限公司销售超过保质期的食品案已收悉，经审核，事实清楚，证据确凿，适用依据正确，程序合法，"
    "同意拟作出的处罚意见。",
    "审核人：刘某某（执法证号：43010099001）",
    "2024年4月9日",
], [K.LEGAL_REVIEW], {"own_no": "芙市监法审〔2024〕9号"}))

# title variants
PROBES.append(Probe("onsite_decision", "docx", [
    "当场行政处罚决定书",
    "编号：0012345",
    "当事人：赵某某  性别：男  身份证号：430102198001011234",
    "你于2024年3月5日在五一大道擅自占道经营，违反了《长沙市市容和环境卫生管理条例》第十八条的规定，依据该条例第四十条的规定，决定给予罚款人民币贰佰元的行政处罚。",
    "执法人员：张三（43010012345）、李四（43010012346）",
    "2024年3月5日",
], [K.ON_THE_SPOT_DECISION], {}))
PROBES.append(Probe("summary_decision", "docx", [
    "行政处罚决定书（简易程序）",
    "芙市监简罚〔2024〕3号",
], [K.ON_THE_SPOT_DECISION], {}))
PROBES.append(Probe("no_penalty", "docx", ["不予行政处罚决定书", "芙市监不罚〔2024〕2号"], [K.DECISION], {}))
PROBES.append(Probe("rectify", "docx", ["责令（限期）改正通知书", "芙市监责改〔2024〕7号"], [K.RECTIFICATION_ORDER], {}))
PROBES.append(Probe("rectify2", "docx", [AG, "责令改正通知书", "芙市监责改〔2024〕7号"], [K.RECTIFICATION_ORDER], {}))
PROBES.append(Probe("number_above", "docx", ["芙市监罚告〔2024〕12号", AG, "行政处罚告知书"], [K.PENALTY_NOTICE], {}))

PROBES.append(Probe("inquiry_spaces", "docx", [
    "询 问 笔 录",
    "询问时间：2024年3月8日 9时30分 至 10时15分",
    "询问人：张三、李四      执法证号：43010012345、43010012346",
], [K.INQUIRY_RECORD], {"span": (datetime(2024, 3, 8, 9, 30), datetime(2024, 3, 8, 10, 15)),
    "officers": OFFICERS}))
PROBES.append(Probe("inquiry_ampm", "docx", [
    "询问笔录",
    "时间：2024年3月8日下午2:30-3:45",
    [["执法人员", "执法证号"], ["张三", "43010012345"], ["李四", "43010012346"]],
], [K.INQUIRY_RECORD], {"span": (datetime(2024, 3, 8, 14, 30), datetime(2024, 3, 8, 15, 45)),
    "officers": OFFICERS}))
PROBES.append(Probe("inquiry_qizhi", "pdf", [[
    "询问笔录",
    "询问时间：2024年3月8日9时30分起至2024年3月8日10时15分止",
    "询问人：张三（执法证号：43010012345）  李四（执法证号：43010012346）",
]], [K.INQUIRY_RECORD], {"span": (datetime(2024, 3, 8, 9, 30), datetime(2024, 3, 8, 10, 15)),
    "officers": OFFICERS}))
PROBES.append(Probe("inspection_split_cells", "docx", [
    "现场检查笔录",
    [["检查时间", "2024年3月5日9时30分", "至", "10时15分"],
     ["检查人员", "张三", "证件号", "43010012345"],
     ["检查人员", "李四", "证件号", "43010012346"]],
], [K.INSPECTION_RECORD], {"span": (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15)),
    "officers": OFFICERS}))
PROBES.append(Probe("inspection_start_end", "docx", [
    "现场勘验笔录",
    [["开始时间", "2024年3月5日9时30分", "结束时间", "2024年3月5日10时15分"],
     ["勘验人", "张三（43010012345）、李四（43010012346）"]],
], [K.INSPECTION_RECORD], {"span": (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15)),
    "officers": OFFICERS}))
PROBES.append(Probe("receipt_pdf_spaced", "pdf", [[
    "长沙市芙蓉区市场监督管理局",
    "送  达  回  证",
    "送达文书名称及文号   行政处罚决定书（芙市监罚字〔2024〕15号）",
    "受送达人     湖南鑫达食品有限公司",
    "送达地点     长沙市芙蓉区五一大道100号",
    "送达方式     直接送达",
    "收件人签名   赵某某            2024年4月17日",
    "送达人       张三  李四",
]], [K.SERVICE_RECEIPT], {"served": "行政处罚决定书", "dates": {R.DELIVERY: date(2024, 4, 17)}}))
PROBES.append(Probe("receipt_multi_dates", "docx", [
    "送达回证",
    [["送达文书", "行政处罚事先告知书（芙市监罚告〔2024〕12号）"],
     ["受送达人", PARTY],
     ["送达时间", "2024年3月21日10时10分"],
     ["送达人", "张三 李四", "日期", "2024年3月20日"]],
], [K.SERVICE_RECEIPT], {"served": "告知书", "dates": {R.DELIVERY: date(2024, 3, 21)}}))
PROBES.append(Probe("ems_sign", "pdf", [[
    "中国邮政特快专递邮件详情单",
    "收件人：湖南鑫达食品有限公司",
    "内件品名：行政处罚事先告知书",
    "寄达时间：2024年3月21日",
    "收件人签名：赵某某   签收时间：2024年3月22日",
]], [K.SERVICE_RECEIPT], {"served": "告知书", "dates": {R.DELIVERY: date(2024, 3, 22)}}))
PROBES.append(Probe("ems_track", "pdf", [[
    "邮件全程跟踪查询",
    "邮件号码：EA123456789CN",
    "2024-04-15 16:20 长沙市 已收寄",
    "2024-04-16 08:00 长沙市 到达处理中心",
    "2024-04-17 10:21 已妥投 签收人：本人",
]], [K.SERVICE_RECEIPT], {"dates": {R.DELIVERY: date(2024, 4, 17)}, "no_dates": [R.VIOLATION]}))
PROBES.append(Probe("hearing_inform2", "docx", [
    "听证告知书",
    PARTY + "：",
    "你单位如要求听证，可在收到本告知书之日起五日内提出。",
    "2024年3月20日",
], [K.HEARING_NOTICE], {"dates": {R.HEARING_NOTICE: date(2024, 3, 20)}, "no_dates": [R.HEARING]}))
PROBES.append(Probe("waiver_pdf", "pdf", [[
    "放弃陈述申辩权利确认书",
    "本人已收到长沙市芙蓉区市场监督管理局于2024年3月20日作出的行政处罚事先告知书，",
    "对拟作出的处罚无异议，自愿放弃陈述、申辩权利。",
    "当事人（签名）：赵某某",
    "2024年3月21日",
]], [K.DEFENSE_RECORD], {"waiver": True, "no_dates": [R.NOTICE_SERVED]}))  # 3月20日 is the notice's date
PROBES.append(Probe("payment_receipt2", "pdf", [[
    "长沙市芙蓉区市场监督管理局",
    "罚没款收据",
    "交款单位：湖南鑫达食品有限公司",
    "罚没款金额：人民币贰万元整（¥20000元）",
    "收款日期：2024年4月25日",
]], [K.PAYMENT_RECEIPT], {}))
PROBES.append(Probe("closing_sign", "pdf", [[
    "行政处罚案件结案审批表",
    "案件名称：湖南鑫达食品有限公司销售超过保质期的食品案",
    "处理结果：罚款贰万元，没收违法所得120元",
    "执行情况：已于2024年4月25日履行完毕",
    "承办人意见：建议结案。    张三  2024年5月6日",
    "负责人意见：同意结案。    王某  2024年5月8日",
]], [K.CLOSING_APPROVAL], {"dates": {R.CLOSING: date(2024, 5, 8)}, "no_dates": [R.VIOLATION]}))
PROBES.append(Probe("hearing_record_pdf", "pdf", [[
    "听 证 笔 录",
    "时间：2024年4月2日上午9时30分至11时05分",
    "地点：本局三楼会议室",
    "主持人：刘某某  记录员：陈某某",
    "调查人员：张三（执法证号：43010012345）、李四（执法证号：43010012346）",
]], [K.HEARING_RECORD], {"dates": {R.HEARING: date(2024, 4, 2)},
                              "span": (datetime(2024, 4, 2, 9, 30), datetime(2024, 4, 2, 11, 5)), "officers": OFFICERS}))
PROBES.append(Probe("ems_track_rev", "pdf", [[
    "EMS邮件跟踪查询结果",
    "邮件号码：1187654321098  内件：行政处罚决定书",
    "2024-04-17 10:21  长沙市  已妥投，本人签收",
    "2024-04-16 08:00  长沙市  到达处理中心",
    "2024-04-15 16:20  长沙市  已收寄",
]], [K.SERVICE_RECEIPT], {"served": "行政处罚决定书", "dates": {R.DELIVERY: date(2024, 4, 17)}}))
PROBES.append(Probe("catalog_pagenos", "docx", [
    "卷内目录",
    "立案审批表", "1",
    "现场检查笔录", "2-3",
    "行政处罚决定书", "4",
    "送达回证", "5",
], [K.CATALOG], {"no_dates": [R.FILING, R.SOURCE, R.DELIVERY, R.DECISION]}))
PROBES.append(Probe("catalog_numbered", "docx", [
    "卷 内 目 录",
    "序号  文书名称  页码",
    "1", "立案审批表", "1",
    "2", "现场检查笔录", "2",
], [K.CATALOG], {"no_dates": [R.FILING, R.SOURCE, R.DELIVERY, R.DECISION]}))
PROBES.append(Probe("two_docs_number_above", "docx", [
    "立案审批表",
    [["当事人", PARTY], ["立案日期", "2024年3月5日"]],
    "芙市监罚告〔2024〕12号",
    AG,
    "行政处罚事先告知书",
    PARTY + "：",
    "本局拟对你公司罚款人民币贰万元。",
    "2024年3月20日",
], [K.FILING_APPROVAL, K.PENALTY_NOTICE], {}))
PROBES.append(Probe("filing_two_approvals", "docx", [
    "立案审批表",
    [["当事人", PARTY],
     ["承办机构意见", "情况属实，同意立案。 李四 2024年3月4日"],
     ["负责人审批意见", "同意。 王某 2024年3月5日"]],
], [K.FILING_APPROVAL], {"dates": {R.FILING: date(2024, 3, 5)}}))
PROBES.append(Probe("filing_sep_cells", "docx", [
    "立案审批表",
    [["承办人意见", "建议立案", "签名", "张三", "日期", "2024年3月4日"],
     ["负责人意见", "同意立案", "签名", "王某", "日期", "2024年3月5日"]],
], [K.FILING_APPROVAL], {"dates": {R.FILING: date(2024, 3, 5)}}))
PROBES.append(Probe("filing_empty_label", "pdf", [[
    "立案审批表",
    "受案时间：2024年3月1日",
    "承办人意见：建议立案。张三 2024年3月4日",
    "负责人意见：同意立案。王某 2024年3月5日",
    "立案日期：",
]], [K.FILING_APPROVAL], {"dates": {R.FILING: date(2024, 3, 5)}}))
PROBES.append(Probe("inquiry_cn_time", "docx", [
    "询问笔录",
    "询问时间：二〇二四年三月八日九时三十分至十时十五分",
    "询问人：张三（执法证号：43010012345）、李四（执法证号：43010012346）",
], [K.INQUIRY_RECORD], {"span": (datetime(2024, 3, 8, 9, 30), datetime(2024, 3, 8, 10, 15))}))
PROBES.append(Probe("inquiry_fw_colon", "docx", [
    "询问笔录",
    "询问时间：2024年3月8日9：30—10：15",
], [K.INQUIRY_RECORD], {"span": (datetime(2024, 3, 8, 9, 30), datetime(2024, 3, 8, 10, 15))}))
PROBES.append(Probe("inspection_cell_newline", "docx", [
    "现场检查笔录",
    [["检查时间", "2024年3月5日9时30分至10时15分"],
     ["执法人员及执法证号", "张三 43010012345\n李四 43010012346"]],
], [K.INSPECTION_RECORD], {"officers": OFFICERS}))
PROBES.append(Probe("inspection_name_header", "docx", [
    "现场检查笔录",
    [["执法人员姓名", "执法证号", "执法人员姓名", "执法证号"],
     ["张三", "43010012345", "李四", "43010012346"]],
], [K.INSPECTION_RECORD], {"officers": OFFICERS}))
PROBES.append(Probe("notice_variants", "pdf", [[
    "行政处罚事先告知书",
    "湘应急罚告〔2024〕第5号",
    "湖南鑫达食品有限公司：",
    "本局拟对你单位作出：1.警告；2.罚款人民币伍万元整（￥50,000.00）。",
    "你单位有权进行陈述和申辩，可在收到本告知书之日起3日内提出。",
    "2024年3月20日",
]], [K.PENALTY_NOTICE], {"own_no": "湘应急罚告〔2024〕第5号", "fine": D(50000), "defense_days": 3}))
PROBES.append(Probe("notice_nishi", "docx", [
    "行政处罚告知书",
    "株城管罚告〔2024〕21号",
    "赵某某：",
    "你于2024年3月1日擅自占道经营，本局拟处以5万元罚款。",
    "2024年3月20日",
], [K.PENALTY_NOTICE], {"own_no": "株城管罚告〔2024〕21号", "fine": D(50000)}))
PROBES.append(Probe("filing_two_approvals_nostop", "docx", [
    "立案审批表",
    [["当事人", PARTY],
     ["承办机构意见", "同意立案 李四 2024年3月4日"],
     ["负责人审批意见", "同意 王某 2024年3月5日"]],
], [K.FILING_APPROVAL], {"dates": {R.FILING: date(2024, 3, 5)}}))
PROBES.append(Probe("filing_two_approvals_pdf", "pdf", [[
    "立案审批表",
    "承办人意见：拟同意立案调查。",
    "签名：李四  2024年3月4日",
    "负责人审批意见：同意。",
    "签名：王某  2024年3月5日",
]], [K.FILING_APPROVAL], {"dates": {R.FILING: date(2024, 3, 5)}}))

BY_NAME = {p.name: p for p in PROBES}


def _read(tmp_path: Path, probe: Probe) -> list[Document]:
    if probe.fmt == "docx":
        path = make_docx(tmp_path / f"{probe.name}.docx", probe.items)
    else:
        path = make_pdf(tmp_path / f"{probe.name}.pdf", probe.items)
    return split_documents(read_file(path, path.name))


def _mismatches(facts: DocFacts, expect: dict) -> list[str]:
    """Every expected value the facts do not hold, as 'field: got … expected …'."""
    out: list[str] = []

    def check(name: str, got, want) -> None:
        if got != want:
            out.append(f"{name}: got {got!r}, expected {want!r}")

    for role, want in expect.get("dates", {}).items():
        check(f"date {role}", facts.dates[role].value if role in facts.dates else None, want)
    for role in expect.get("no_dates", ()):
        check(f"no date {role}", facts.dates[role].value if role in facts.dates else None, None)
    if "span" in expect:
        check("span", facts.time_span.value if facts.time_span else None, expect["span"])
    if "officers" in expect:
        check("officers", [(o.name, o.cert_no) for o in facts.officers], expect["officers"])
    if "own_no" in expect:
        check("own_no", no_spaces(facts.own_no.value) if facts.own_no else None, expect["own_no"])
    if "fine" in expect:
        check("fine", facts.fine.value if facts.fine else None, expect["fine"])
    if "served" in expect:
        got = facts.served_document.value if facts.served_document else None
        if not got or expect["served"] not in got:
            out.append(f"served: got {got!r}, expected it to name {expect['served']!r}")
    if "waiver" in expect:
        check("waiver", facts.waiver is not None, expect["waiver"])
    if "defense_days" in expect:
        check("defense_days", facts.defense_period_days, expect["defense_days"])
    return out


@pytest.mark.parametrize("probe", PROBES, ids=[p.name for p in PROBES])
def test_document_as_a_reviewer_reads_it(tmp_path: Path, probe: Probe) -> None:
    docs = _read(tmp_path, probe)
    assert [d.kind for d in docs] == probe.kinds
    assert all(d.kind_evidence is not None and d.kind_evidence.quote for d in docs)  # evidence kept
    assert _mismatches(extract_document(docs[0]), probe.expect) == []


# ---------------------------------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("line", "kind", "title"),
    [
        ("立案登记表", K.FILING_APPROVAL, "立案登记表"),
        ("湖南省非税收入一般缴款书", K.PAYMENT_RECEIPT, "非税收入一般缴款书"),
        ("罚款缴纳凭证", K.PAYMENT_RECEIPT, "罚款缴纳凭证"),
        ("非税收入电子缴款凭证", K.PAYMENT_RECEIPT, "非税收入电子缴款凭证"),
        ("中国邮政特快专递邮件详情单", K.SERVICE_RECEIPT, "中国邮政特快专递邮件详情单"),
        ("EMS邮件跟踪查询结果", K.SERVICE_RECEIPT, "EMS邮件跟踪查询结果"),
        ("邮件全程跟踪查询", K.SERVICE_RECEIPT, "邮件全程跟踪查询"),
        ("行政处罚案件来源登记表", K.CASE_SOURCE, "行政处罚案件来源登记表"),
        ("案件来源登记审批表", K.CASE_SOURCE, "案件来源登记审批表"),
        ("线索受理登记表", K.CASE_SOURCE, "线索受理登记表"),
        ("现场检查记录", K.INSPECTION_RECORD, "现场检查记录"),
        ("行政处罚决定法制审核表", K.LEGAL_REVIEW, "行政处罚决定法制审核表"),
        ("集体讨论会议纪要", K.COLLECTIVE_DISCUSSION, "集体讨论会议纪要"),
        ("案件审理委员会会议记录", K.COLLECTIVE_DISCUSSION, "案件审理委员会会议记录"),
        ("行政处罚决定书（简易程序）", K.ON_THE_SPOT_DECISION, "行政处罚决定书(简易程序)"),
        ("行政处罚决定书(当场)", K.ON_THE_SPOT_DECISION, "行政处罚决定书(当场)"),
        ("简易程序处罚决定书", K.ON_THE_SPOT_DECISION, "简易程序处罚决定书"),
        ("不予行政处罚决定书", K.DECISION, "不予行政处罚决定书"),
        ("行政处罚告知书", K.PENALTY_NOTICE, "行政处罚告知书"),
        ("听证通知书", K.HEARING_NOTICE, "听证通知书"),
        ("责令（限期）改正通知书", K.RECTIFICATION_ORDER, "责令(限期)改正通知书"),
        ("送 达 回 证", K.SERVICE_RECEIPT, "送达回证"),
    ],
)
def test_title_variants(line: str, kind: K, title: str) -> None:
    assert match_title(line) == (kind, title)


@pytest.mark.parametrize("line", ["详情单", "运单", "跟踪", "长沙市", "本区", "市区道路"])
def test_fragments_are_not_titles(line: str) -> None:
    assert match_title(line) is None


# ---------------------------------------------------------------------------------------------------- whole cases

DECISION = [
    AG,
    "行政处罚决定书",
    "芙市监罚字〔2024〕15号",
    "当事人：" + PARTY,
    "统一社会信用代码：" + CODE,
    "经查，当事人于2024年2月20日销售超过保质期的饼干12盒，违法所得120元。",
    "当事人的上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。依据《中华人民共和国食品安全法》"
    "第一百二十四条第一款第（五）项的规定，本局决定：1.没收违法所得120元；2.罚款人民币贰万元。",
    "当事人应当自收到本决定书之日起十五日内缴纳罚款。",
    "如不服本处罚决定，可在收到本决定书之日起六十日内向长沙市芙蓉区人民政府申请行政复议，也可以在六个月内向长沙市芙蓉区"
    "人民法院提起行政诉讼。",
    AG,
    "2024年4月15日",
]
BY_NAME["decision"] = Probe("decision", "docx", DECISION, [K.DECISION])


def _as_docx_items(names: list[str]) -> list:
    items: list = []
    for name in names:
        probe = BY_NAME[name]
        items.extend(probe.items[0] if probe.fmt == "pdf" else probe.items)
    return items


def _as_pdf_pages(names: list[str]) -> list[list[str]]:
    """One page per document; a Word table becomes lines of cells, long lines wrap as on paper."""
    pages: list[list[str]] = []
    for name in names:
        probe = BY_NAME[name]
        if probe.fmt == "pdf":
            pages.extend(probe.items)
            continue
        lines: list[str] = []
        for item in probe.items:
            rows = [item] if isinstance(item, str) else ["  ".join(c for c in row if c) for row in item]
            lines.extend(w for row in rows for w in (textwrap.wrap(row, 42) or [""]))
        pages.append(lines)
    return pages


def _csv_row(e) -> dict[str, str]:
    """The cases.csv columns these tests check, and whether a waiver was found (not a cases.csv column)."""
    row = cases_csv_row(e, (
        "case_no", "agency", "party_name", "party_kind", "party_id", "procedure", "violation_date", "source_date",
        "filing_date", "notice_no", "notice_date", "notice_served_date", "hearing_date", "decision_date",
        "delivery_date", "fine_amount", "notice_fine_amount", "officers", "officer_cert_nos",
    ))  # fmt: skip
    row["waiver"] = "true" if e.waiver else "false"
    return row


COMMON = {
    "case_no": "芙市监罚字〔2024〕15号", "agency": AG, "party_name": PARTY, "party_id": CODE,
    "party_kind": "organisation", "procedure": "general", "violation_date": "2024-02-20", "source_date": "2024-03-01",
    "decision_date": "2024-04-15", "delivery_date": "2024-04-17", "fine_amount": "20000",
    "officers": "张三;李四", "officer_cert_nos": "43010012345;43010012346",
}  # fmt: skip

# A market-regulation dossier in one Word file: forms as tables, a waiver, a 集体讨论 whose 记录人 is no officer,
# a decision 送达回证 with a 填发日期 that is not the delivery date, and a 卷内目录 first.
DOCX_CASE = ["catalog_docx", "source_table", "filing_sign", "inspection_table", "inquiry_table_cert", "notice",
             "receipt_notice", "waiver", "collective", "legal_review", "decision", "receipt_header_row",
             "payment_voucher", "closing"]  # fmt: skip
DOCX_EXPECTED = COMMON | {
    "filing_date": "2024-03-05", "notice_no": "芙市监罚告〔2024〕12号", "notice_date": "2024-03-20",
    "notice_served_date": "2024-03-21", "hearing_date": "", "notice_fine_amount": "20000", "waiver": "true",
}  # fmt: skip

# A dossier scanned into one PDF in another unit's templates: 立案登记表, 告知书 without 事先, a hearing, an EMS
# receipt for the decision, a provincial 非税收入缴款书, one document per page.
PDF_CASE = ["catalog_docx", "source_pdf", "filing_register", "inspection_table", "inquiry_pdf",
            "notice_no_shiqian_pdf", "hearing_inform", "hearing_notice", "hearing_record_pdf", "defense_record",
            "receipt_notice", "decision", "ems", "payment_book", "closing_report"]  # fmt: skip
PDF_EXPECTED = COMMON | {
    "filing_date": "2024-03-06", "notice_no": "长城执罚告字[2024]第0012号", "notice_date": "2024-03-12",
    "notice_served_date": "2024-03-21", "hearing_date": "2024-04-02", "notice_fine_amount": "500", "waiver": "false",
}  # fmt: skip


def _kinds(names: list[str]) -> list[K]:
    return [k for name in names for k in BY_NAME[name].kinds]


def test_whole_dossier_in_one_docx(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "案卷.docx", _as_docx_items(DOCX_CASE))
    documents = split_documents(read_file(path, path.name))
    assert [d.kind for d in documents] == _kinds(DOCX_CASE)
    facts = extract_case(Dossier("区市场监督管理局/案卷.docx", "区市场监督管理局", documents=documents))
    assert _csv_row(facts.elements) == DOCX_EXPECTED


def test_whole_dossier_in_one_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan_001.pdf", _as_pdf_pages(PDF_CASE), font_size=10)
    documents = split_documents(read_file(path, path.name))
    assert [d.kind for d in documents] == _kinds(PDF_CASE)
    assert [d.kind_evidence.position.page for d in documents] == list(range(1, len(PDF_CASE) + 1))
    facts = extract_case(Dossier("区市场监督管理局/scan_001.pdf", "区市场监督管理局", documents=documents))
    assert _csv_row(facts.elements) == PDF_EXPECTED


@pytest.mark.parametrize(("title", "procedure"), [
    ("当场行政处罚决定书", "summary"), ("行政处罚决定书（简易程序）", "summary"), ("行政处罚决定书", "general"),
])  # fmt: skip
def test_procedure_from_the_decision_title(tmp_path: Path, title: str, procedure: str) -> None:
    path = make_docx(tmp_path / "d.docx", [title, *DECISION[2:]])
    documents = split_documents(read_file(path, path.name))
    facts = extract_case(Dossier("u/d", "u", documents=documents))
    assert facts.elements.procedure == procedure


def test_a_served_hearing_notice_is_not_the_penalty_notice(tmp_path: Path) -> None:
    """A 送达回证 for the 听证告知书 alone gives no notice_served_date; the one for the 告知书 does."""
    receipt = [
        "送达回证",
        [["送达文书", "行政处罚听证告知书"], ["受送达人", PARTY], ["送达日期", "2024年3月25日"],
         ["受送达人签名", "赵某某"]],
    ]  # fmt: skip
    path = make_docx(tmp_path / "r.docx", receipt)
    documents = split_documents(read_file(path, path.name))
    assert extract_case(Dossier("u/r", "u", documents=documents)).elements.notice_served_date is None
    path = make_docx(tmp_path / "r2.docx", receipt + BY_NAME["receipt_notice"].items)
    documents = split_documents(read_file(path, path.name))
    served = extract_case(Dossier("u/r2", "u", documents=documents)).elements.notice_served_date
    assert served is not None and served.value == date(2024, 3, 21)
