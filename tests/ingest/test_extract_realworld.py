"""Extraction on hand-written documents in the styles of other units (domain.md "How elements look in real
documents"), none of them produced by the sample generator: every case-number shape, salutation and label
party blocks, individuals, 个体工商户, masked codes and 15-digit 注册号, dates in every form, 笔录 times, 大写 and
figure amounts, 项 in every bracket style, officers in text and tables, and layout noise (spaced titles, page
headers and footers, lines hard-wrapped by a PDF, text copied from a PDF into Word).

Each document is written to a real .docx or PDF, read by the real readers, split and classified as the
pipeline does, and its facts compared with what a reviewer would write in cases.csv.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from ingest.classify import split_documents
from ingest.extract import extract_case, extract_document
from ingest.extract.amounts import find_amounts
from ingest.extract.case_numbers import find_case_numbers
from ingest.extract.dates import find_time_spans
from ingest.extract.forms import form_lines
from ingest.extract.officers import find_officers_in_lines
from ingest.extract.party import parse_party
from ingest.extract.provisions import classify_citations
from ingest.extract.remedies import find_remedies
from ingest.glossary import DocKind
from ingest.model import DateRole, DocFacts, Document, Dossier
from ingest.normalize import no_spaces
from ingest.readers import read_file
from tests.ingest.builders import cases_csv_row, make_docx, make_pdf

D = Decimal
DAQI = "中华人民共和国大气污染防治法"


@dataclass
class Probe:
    name: str
    fmt: str  # docx | pdf
    items: list  # docx: paragraphs and tables; pdf: pages of lines
    kind: DocKind
    expect: dict = field(default_factory=dict)


PROBES: list[Probe] = [
    # 1. salutation-style party, masked code, spaced title, 〇 date, 第(一)项, 大写 only, a 加处罚款 citation
    Probe(
        "yueyang", "docx",
        [
            "岳阳市生态环境局",
            "行 政 处 罚 决 定 书",
            "岳汨环罚决字〔2023〕020号",
            "汨罗市恒达再生资源有限公司：",
            "统一社会信用代码：91430681**********",
            "法定代表人：刘某某",
            "地址：湖南省汨罗市循环经济产业园区再生路8号",
            "我局于2023年3月15日对你公司进行了调查，发现你公司实施了以下环境违法行为：你公司废气收集处理设施未正常运行，"
            "熔炼工序废气无组织排放。",
            "以上事实有《现场检查（勘察）笔录》《调查询问笔录》、现场照片等证据为凭。",
            "你公司的上述行为违反了《中华人民共和国大气污染防治法》第四十八条第一款的规定。",
            "依据《中华人民共和国大气污染防治法》第一百零八条第(一)项的规定，我局决定对你公司作出如下行政处罚：",
            "罚款伍万贰仟壹佰贰拾元。",
            "限于接到本处罚决定之日起十五日内缴至指定银行和账户。逾期不缴纳罚款的，我局可以根据《中华人民共和国行政处罚法》"
            "第七十二条第一款第（一）项规定每日按罚款数额的3%加处罚款。",
            "你公司如不服本处罚决定，可在收到本处罚决定书之日起六十日内向岳阳市人民政府申请行政复议，也可以在收到本处罚决定书之日起"
            "六个月内向汨罗市人民法院提起行政诉讼。",
            "岳阳市生态环境局",
            "二〇二三年六月十二日",
        ],
        DocKind.DECISION,
        {
            "own_no": "岳汨环罚决字〔2023〕020号", "agency": "岳阳市生态环境局",
            "party": ("汨罗市恒达再生资源有限公司", "organisation", "91430681**********"), "rep": "刘某某",
            "dates": {DateRole.DECISION: date(2023, 6, 12)},
            "fine": D(52120), "pair": (D(52120), None),
            "violated": [(DAQI, 48, 1, None)], "basis": [(DAQI, 108, None, 1)],
            "review_body": "岳阳市人民政府",
        },
    ),
    # 2. a PDF with hard-wrapped lines (a number wrapped inside its digits), page footers, 15-digit 注册号,
    #    (year) brackets, 人民币50000元, 第三十一条第一款
    Probe(
        "panjin", "pdf",
        [
            [
                "盘锦市生态环境局",
                "行政处罚决定书",
                "盘环罚决(2021)138号",
                "当事人：盘锦鑫达石化装备制造有限公司",
                "营业执照注册号：211100004012345",
                "法定代表人：赵某某",
                "住所：辽宁省盘锦市兴隆台区石油大街28号",
                "    2021年5月18日，我局执法人员对你单位进行现场检查，发现你单位",
                "喷涂车间建设项目环境影响报告表未经审批，擅自开工建设，并于2021",
                "年4月1日投入生产。",
                "    以上事实有现场检查（勘察）笔录、调查询问笔录、现场照片等证据",
                "为证。",
                "    你单位的上述行为违反了《中华人民共和国环境影响评价法》第二十五",
                "条的规定。依据《中华人民共和国环境影响评价法》第三十一条第一款",
                "的规定，我局决定对你单位作出如下处罚：责令停止建设，处罚款人民币",
                "50000元。",
                "第 1 页 共 2 页",
            ],
            [
                "    限你单位于收到本处罚决定书之日起十五日内将罚款缴至指定银行。到",
                "期不缴纳罚款的，我局可以每日按罚款数额的百分之三加处罚款。",
                "    如不服本处罚决定，可在收到本处罚决定书之日起六十日内向盘锦市人",
                "民政府申请行政复议，也可以在六个月内向盘锦市兴隆台区人民法院提起",
                "行政诉讼。",
                "盘锦市生态环境局",
                "2021年8月16日",
                "第 2 页 共 2 页",
            ],
        ],
        DocKind.DECISION,
        {
            "own_no": "盘环罚决(2021)138号", "agency": "盘锦市生态环境局",
            "party": ("盘锦鑫达石化装备制造有限公司", "organisation", "211100004012345"),
            "dates": {DateRole.DECISION: date(2021, 8, 16), DateRole.VIOLATION: date(2021, 4, 1)},
            "fine": D(50000), "pair": (None, D(50000)),
            "violated": [("中华人民共和国环境影响评价法", 25, None, None)],
            "basis": [("中华人民共和国环境影响评价法", 31, 1, None)],
            "review_body": "盘锦市人民政府",
        },
    ),
    # 3. an individual on one labelled line, (津保) prefix with [year] and a lettered serial, 大写 with (¥…),
    #    第（七）项, officers with certificate numbers in the text
    Probe(
        "baodi", "docx",
        [
            "天津市宝坻区应急管理局",
            "行政处罚决定书",
            "(津保)应急罚[2023]k-39号",
            "当事人：王某某    性别：男    公民身份号码：120224198503151237",
            "住址：天津市宝坻区周良街道某某村45号",
            "经查，你于2023年8月21日在未取得特种作业操作证的情况下，在宝坻区某某路某厂房内从事电焊作业。",
            "执法人员：张三（执法证号：11010012345）、李四（执法证号：11010012346）",
            "上述事实，有现场检查记录、询问笔录、现场照片等证据证实。",
            "你的上述行为违反了《中华人民共和国安全生产法》第三十条第一款的规定，依据《中华人民共和国安全生产法》"
            "第九十七条第（七）项的规定，本局决定给予你罚款伍佰肆拾伍元整(¥545元)的行政处罚。",
            "如不服本决定，可以在收到本决定书之日起六十日内向天津市宝坻区人民政府申请行政复议，或者在六个月内依法向天津市宝坻区"
            "人民法院提起行政诉讼。",
            "天津市宝坻区应急管理局",
            "2023年11月2日",
        ],
        DocKind.DECISION,
        {
            "own_no": "(津保)应急罚[2023]k-39号",
            "party": ("王某某", "individual", "120224198503151237"),
            "dates": {DateRole.DECISION: date(2023, 11, 2), DateRole.VIOLATION: date(2023, 8, 21)},
            "fine": D(545), "pair": (D(545), D(545)),
            "violated": [("中华人民共和国安全生产法", 30, 1, None)],
            "basis": [("中华人民共和国安全生产法", 97, None, 7)],
            "officers": [("张三", "11010012345"), ("李四", "11010012346")],
            "review_body": "天津市宝坻区人民政府",
        },
    ),
    # 4. a 个体工商户 in a table (trade name + 经营者), a county-code prefix, 5万元, 第一款第三项, zero-padded date
    Probe(
        "dengfeng", "docx",
        [
            "郑州市生态环境局登封分局",
            "行政处罚决定书",
            "豫0185环罚决字〔2023〕22号",
            [
                ["个体工商户名称", "登封市嵩阳石材加工厂"],
                ["经营者", "张某某"],
                ["统一社会信用代码", "92410185MA9G5HT14F"],
                ["经营场所", "河南省登封市大金店镇某某村"],
            ],
            "一、环境违法事实和证据",
            "我局执法人员于2023年7月4日对你单位进行现场检查，发现你单位石材切割工序产生的废水未经处理直接排放。",
            "以上事实，有现场检查笔录、调查询问笔录、现场照片等证据为证。",
            "你单位上述行为违反了《中华人民共和国水污染防治法》第三十九条的规定。",
            "二、行政处罚的依据、种类",
            "依据《中华人民共和国水污染防治法》第八十三条第一款第三项的规定，我局决定对你单位处以如下行政处罚：",
            "罚款5万元。",
            "三、申请复议或者提起诉讼的途径和期限",
            "如不服本处罚决定，可在收到本决定书之日起六十日内向登封市人民政府申请行政复议，也可以在六个月内向登封市人民法院提起"
            "行政诉讼。",
            "郑州市生态环境局登封分局",
            "2023年09月05日",
        ],
        DocKind.DECISION,
        {
            "own_no": "豫0185环罚决字〔2023〕22号", "agency": "郑州市生态环境局登封分局",
            "party": ("登封市嵩阳石材加工厂", "individual", "92410185MA9G5HT14F"), "rep": "张某某",
            "dates": {DateRole.DECISION: date(2023, 9, 5)},
            "fine": D(50000), "pair": (None, D(50000)),
            "violated": [("中华人民共和国水污染防治法", 39, None, None)],
            "basis": [("中华人民共和国水污染防治法", 83, 1, 3)],
            "review_body": "登封市人民政府",
        },
    ),
    # 5. an individual in salutation style, hyphenated serial, spaced date, 大写 with full-width （¥20,000.00元）
    Probe(
        "changzhou", "docx",
        [
            "昌州市生态环境局",
            "行政处罚决定书",
            "昌州环罚字〔2022〕1-10号",
            "李某某：",
            "身份证号码：360702198001010024",
            "住址：昌州市章贡区某某路6号",
            "你于2022年 1月 8日在昌州市某某河段非法倾倒建筑垃圾约20立方米。",
            "你的上述行为违反了《中华人民共和国固体废物污染环境防治法》第六十三条第一款的规定，依据《中华人民共和国固体废物污染环境"
            "防治法》第一百一十一条第一款第（一）项的规定，我局决定对你处以罚款人民币贰万元整（¥20,000.00元）。",
            "如不服本处罚决定，可在收到本决定书之日起六十日内向昌州市人民政府申请行政复议，也可以在六个月内向昌州市章贡区人民法院"
            "提起行政诉讼。",
            "昌州市生态环境局",
            "2022年 3月 5日",
        ],
        DocKind.DECISION,
        {
            "own_no": "昌州环罚字〔2022〕1-10号",
            "party": ("李某某", "individual", "360702198001010024"),
            "dates": {DateRole.DECISION: date(2022, 3, 5), DateRole.VIOLATION: date(2022, 1, 8)},
            "fine": D(20000), "pair": (D(20000), D(20000)),
            "violated": [("中华人民共和国固体废物污染环境防治法", 63, 1, None)],
            "basis": [("中华人民共和国固体废物污染环境防治法", 111, 1, 1)],
            "review_body": "昌州市人民政府",
        },
    ),
    # 6. a bracketed place in the prefix, full-width ￥ without 元, full-width colons, 根据 as basis word
    Probe(
        "wuchuan", "docx",
        [
            "湛江市生态环境局",
            "行政处罚决定书",
            "湛(吴)环罚字〔2021〕18号",
            "当事人：吴川市兴达塑料制品有限公司",
            "统一社会信用代码：91440811MA51QW7K4N",
            "法定代表人：陈某某",
            "地址：广东省吴川市塘尾街道某某工业区",
            "我局执法人员于2021年9月16日对你公司进行检查，发现你公司注塑车间的有机废气未经收集处理直接排放。",
            "你公司上述行为违反了《中华人民共和国大气污染防治法》第四十五条的规定。",
            "根据《中华人民共和国大气污染防治法》第一百零八条第（一）项的规定，我局决定对你公司处以罚款人民币壹万伍仟元（￥15000.00）。",
            "如不服本处罚决定，可在收到本决定书之日起六十日内向湛江市人民政府申请行政复议，也可以在六个月内向吴川市人民法院提起行政"
            "诉讼。",
            "湛江市生态环境局",
            "2021年12月3日",
        ],
        DocKind.DECISION,
        {
            "own_no": "湛(吴)环罚字〔2021〕18号",
            "party": ("吴川市兴达塑料制品有限公司", "organisation", "91440811MA51QW7K4N"),
            "dates": {DateRole.DECISION: date(2021, 12, 3)},
            "fine": D(15000), "pair": (D(15000), D(15000)),
            "violated": [(DAQI, 45, None, None)], "basis": [(DAQI, 108, None, 1)],
            "review_body": "湛江市人民政府",
        },
    ),
    # 7. 消防: 第 before the serial, the whole party block on one line with commas, 第一款第三项, page footers
    Probe(
        "xingyi", "pdf",
        [
            [
                "兴义市消防救援大队",
                "行 政 处 罚 决 定 书",
                "兴消行罚决字〔2023〕第100066号",
                "被处罚单位：兴义市金鑫商贸有限公司，统一社会信用代码：91522301MA6HQ3B03F，",
                "法定代表人：罗某某，住所：贵州省兴义市桔山街道某某路16号。",
                "    现查明：2023年2月10日，我大队消防监督员对你单位进行消防监督检查",
                "时，发现你单位占用疏散通道。",
                "    上述行为违反了《中华人民共和国消防法》第二十八条的规定。依据《中",
                "华人民共和国消防法》第六十条第一款第三项之规定，决定给予你单位罚款",
                "人民币伍仟元整的处罚。",
                "- 1 -",
            ],
            [
                "    执行方式和期限：收到本决定书之日起十五日内，到指定银行缴纳罚款。",
                "    如不服本决定，可以在收到本决定书之日起六十日内依法向兴义市人民政府",
                "申请行政复议或者在六个月内依法向兴义市人民法院提起行政诉讼。",
                "兴义市消防救援大队",
                "二0二三年三月五日",
                "- 2 -",
            ],
        ],
        DocKind.DECISION,
        {
            "own_no": "兴消行罚决字〔2023〕第100066号", "agency": "兴义市消防救援大队",
            "party": ("兴义市金鑫商贸有限公司", "organisation", "91522301MA6HQ3B03F"), "rep": "罗某某",
            "dates": {DateRole.DECISION: date(2023, 3, 5)},
            "fine": D(5000), "pair": (D(5000), None),
            "violated": [("中华人民共和国消防法", 28, None, None)],
            "basis": [("中华人民共和国消防法", 60, 1, 3)],
            "review_body": "兴义市人民政府",
        },
    ),
    # 8. a place code in full-width brackets after the agency code, [year], 第 and a hyphenated serial,
    #    被处罚单位 / 营业执照号码 labels, zero-padded date
    Probe(
        "jingjian", "docx",
        [
            "北京市朝阳区房屋管理局",
            "行政处罚决定书",
            "京建法罚（朝房）字[2008]第12-0034号",
            "被处罚单位：北京安居房地产经纪有限公司",
            "营业执照号码：110105000123456",
            "单位地址：北京市朝阳区某某路3号",
            "法定代表人：孙某某",
            "经查，你单位于2007年12月20日在未取得房地产经纪机构备案证明的情况下从事房地产经纪活动。",
            "你单位的行为违反了《北京市房地产经纪管理办法》第八条第一款的规定，依据《北京市房地产经纪管理办法》第三十二条的规定，"
            "决定对你单位处以罚款人民币叁万元整。",
            "如不服本决定，可在接到本决定书之日起60日内向北京市朝阳区人民政府申请行政复议，或者在3个月内向北京市朝阳区人民法院"
            "提起行政诉讼。",
            "北京市朝阳区房屋管理局",
            "2008年03月05日",
        ],
        DocKind.DECISION,
        {
            "own_no": "京建法罚（朝房）字[2008]第12-0034号",
            "party": ("北京安居房地产经纪有限公司", "organisation", "110105000123456"), "rep": "孙某某",
            "dates": {DateRole.DECISION: date(2008, 3, 5), DateRole.VIOLATION: date(2007, 12, 20)},
            "fine": D(30000), "pair": (D(30000), None),
            "violated": [("北京市房地产经纪管理办法", 8, 1, None)],
            "basis": [("北京市房地产经纪管理办法", 32, None, None)],
            "review_body": "北京市朝阳区人民政府",
        },
    ),
    # 9. a notice: full-width ［］ and 第, a 个体工商户 written as "名称（个体工商户）" + 经营者, ○ date, 拟罚款
    Probe(
        "chaoyang_notice", "docx",
        [
            "北京市朝阳区市场监督管理局",
            "行政处罚事先告知书",
            "京朝市监罚告字［2024］第0009号",
            "当事人：北京市朝阳区鑫旺便利店（个体工商户）",
            "经营者：赵某某",
            "统一社会信用代码：92430621MA4RE6UX2M",
            "经营场所：北京市朝阳区某某路12号",
            "经查，你店于2024年1月22日销售超过保质期的食品。上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。",
            "依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定，本局拟对你店作出如下行政处罚：没收超过保质期的"
            "食品，罚款人民币50000元。",
            "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你店可在收到本告知书之日起五日内向本局提出陈述、申辩；"
            "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你店有权在收到本告知书之日起五日内要求听证。逾期视为放弃"
            "上述权利。",
            "北京市朝阳区市场监督管理局",
            "二○二四年三月五日",
        ],
        DocKind.PENALTY_NOTICE,
        {
            "own_no": "京朝市监罚告字［2024］第0009号",
            "party": ("北京市朝阳区鑫旺便利店", "individual", "92430621MA4RE6UX2M"), "rep": "赵某某",
            "dates": {DateRole.NOTICE: date(2024, 3, 5), DateRole.VIOLATION: date(2024, 1, 22)},
            "fine": D(50000),
            "violated": [("中华人民共和国食品安全法", 34, None, 10)],
            "basis": [("中华人民共和国食品安全法", 124, 1, 5)],
        },
    ),
    # 10. 询问笔录: times to the minute, officers with numbers in the text
    Probe(
        "inquiry_text", "docx",
        [
            "询 问 笔 录",
            "询问时间：2024年3月5日9时30分至10时15分",
            "询问地点：北京市朝阳区市场监督管理局第二询问室",
            "询问人：张三（执法证号：11010012345）、李四（执法证号：11010012346）",
            "记录人：李四",
            "被询问人：赵某某    性别：男    公民身份号码：110105198203150017",
            "问：我们是北京市朝阳区市场监督管理局的执法人员，这是我们的执法证件，你看清楚了吗？",
            "答：看清楚了。",
            "问：你店销售的过期食品是从哪里进的货？",
            "答：从附近的批发市场进的货。",
            "被询问人签名：赵某某    2024年3月5日",
        ],
        DocKind.INQUIRY_RECORD,
        {
            "span": (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15)),
            "officers": [("张三", "11010012345"), ("李四", "11010012346")],
            "dates": {DateRole.RECORD_START: date(2024, 3, 5)},
        },
    ),
    # 11. 现场检查笔录: officers in a table (header row over name / number rows), zero-padded times
    Probe(
        "inspection_table", "docx",
        [
            "现场检查（勘验）笔录",
            "检查时间：2024年03月05日14时05分至2024年03月05日15时20分",
            "检查地点：北京市朝阳区某某路12号鑫旺便利店",
            [["执法人员", "执法证号"], ["王五", "15010020231"], ["赵六", "15010020232"]],
            "被检查人：赵某某（经营者）",
            "检查情况：执法人员出示执法证件，表明身份。经查，该店货架上摆放的3袋饼干已超过保质期。",
            "被检查人签名：赵某某",
        ],
        DocKind.INSPECTION_RECORD,
        {
            "span": (datetime(2024, 3, 5, 14, 5), datetime(2024, 3, 5, 15, 20)),
            "officers": [("王五", "15010020231"), ("赵六", "15010020232")],
        },
    ),
    # 12. 送达回证 as a table: the served document with its number, an ISO date
    Probe(
        "receipt_table", "docx",
        [
            "送 达 回 证",
            [
                ["送达文书名称及文号", "行政处罚决定书（兴消行罚决字〔2023〕第100066号）"],
                ["受送达人", "兴义市金鑫商贸有限公司"],
                ["送达地点", "贵州省兴义市桔山街道某某路16号"],
                ["送达方式", "直接送达"],
                ["受送达人签名", "罗某某"],
                ["送达日期", "2023-03-06"],
                ["送达人", "杨某、吴某"],
            ],
        ],
        DocKind.SERVICE_RECEIPT,
        {"dates": {DateRole.DELIVERY: date(2023, 3, 6)}, "cited": ["兴消行罚决字〔2023〕第100066号"]},
    ),
    # 13. text copied from a PDF into Word: every printed line is its own paragraph, 2024.3.5 in the 落款
    Probe(
        "copied_from_pdf", "docx",
        [
            "长沙市开福区城市管理和综合执法局",
            "行政处罚决定书",
            "开城管罚决字〔2024〕第015号",
            "当事人：长沙市开福区味道餐饮店（个体工商户）",
            "经营者：周某某  统一社会信用代码：92430105MA4L******",
            "经查，当事人于2024年1月9日在长沙市开福区某某路店外占道经营，",
            "经执法人员劝阻后仍未改正。当事人的上述行为违反了《湖南省城市综合",
            "管理条例》第三十九条第一款第(二)项的规定。依据《湖南省城市综合管",
            "理条例》第五十五条第一款的规定，本局决定对当事人作出如下行政处罚",
            "- 1 -",
            "：罚款人民币伍佰元整（￥500元）。",
            "如不服本决定，可在收到本决定书之日起六十日内向长沙市开福区人民政",
            "府申请行政复议，也可以在六个月内向长沙市开福区人民法院提起行政诉",
            "讼。",
            "长沙市开福区城市管理和综合执法局",
            "2024.3.5",
        ],
        DocKind.DECISION,
        {
            "own_no": "开城管罚决字〔2024〕第015号",
            "party": ("长沙市开福区味道餐饮店", "individual", "92430105MA4L******"), "rep": "周某某",
            "dates": {DateRole.DECISION: date(2024, 3, 5), DateRole.VIOLATION: date(2024, 1, 9)},
            "fine": D(500), "pair": (D(500), D(500)),
            "violated": [("湖南省城市综合管理条例", 39, 1, 2)],
            "basis": [("湖南省城市综合管理条例", 55, 1, None)],
            "review_body": "长沙市开福区人民政府",
        },
    ),
    # 14. aligned labels with spaces inside (当 事 人：, 住    所：), the name on the line after "当事人：", the
    #     inverted label 社会统一信用代码, (以下简称《…》) before the article, (大写)…(小写) amounts
    Probe(
        "aligned_labels", "docx",
        [
            "湘潭市交通运输局",
            "行政处罚决定书",
            "潭交罚决字〔2023〕第0087号",
            "当 事 人：",
            "湘潭顺通物流有限公司",
            "社会统一信用代码：914101850572028342",
            "法定代表人：何某某",
            "住    所：湖南省湘潭市岳塘区某某路9号",
            "经查，当事人于2023年5月6日使用未取得道路运输证的车辆从事道路货物运输经营。",
            "上述行为违反了《中华人民共和国道路运输条例》（以下简称《条例》）第二十四条第一款的规定，依据《条例》第六十三条第一款"
            "的规定，本机关决定给予当事人如下行政处罚：罚款人民币叁仟元整（大写），¥3000.00（小写）。",
            "如不服本决定，可以在收到本决定书之日起六十日内向湘潭市人民政府申请行政复议，也可以在六个月内向湘潭市岳塘区人民法院"
            "提起行政诉讼。",
            "湘潭市交通运输局",
            "二〇二三年七月十日",
        ],
        DocKind.DECISION,
        {
            "own_no": "潭交罚决字〔2023〕第0087号",
            "party": ("湘潭顺通物流有限公司", "organisation", "914101850572028342"), "rep": "何某某",
            "dates": {DateRole.DECISION: date(2023, 7, 10), DateRole.VIOLATION: date(2023, 5, 6)},
            "fine": D(3000), "pair": (D(3000), D(3000)),
            "violated": [("中华人民共和国道路运输条例", 24, 1, None)],
            "basis": [("中华人民共和国道路运输条例", 63, 1, None)],
            "review_body": "湘潭市人民政府",
        },
    ),
    # 15. the operator named in brackets after the trade name, a salutation-style notice with a RMB figure,
    #     ○-year date in the middle of the line (落款 with 印章)
    Probe(
        "operator_in_brackets", "docx",
        [
            "深圳市南山区卫生健康局",
            "行政处罚事先告知书",
            "深南卫罚告〔2024〕第15号",
            "当事人：深圳市南山区康宁诊所（经营者：吴某某）",
            "统一社会信用代码：92430621MA4RE6UX2M",
            "地址：深圳市南山区某某街道某某路21号",
            "你单位于2024年2月2日使用非卫生技术人员从事医疗卫生技术工作，违反了《医疗机构管理条例》第二十七条的规定。",
            "依据《医疗机构管理条例》第四十七条的规定，本局拟对你单位作出如下行政处罚：罚款伍仟元（RMB5000元）。",
            "你单位可在收到本告知书之日起三个工作日内向本局提出陈述和申辩。",
            "深圳市南山区卫生健康局（印章）",
            "二○二四年三月十一日",
        ],
        DocKind.PENALTY_NOTICE,
        {
            "own_no": "深南卫罚告〔2024〕第15号",
            "party": ("深圳市南山区康宁诊所", "individual", "92430621MA4RE6UX2M"), "rep": "吴某某",
            "dates": {DateRole.NOTICE: date(2024, 3, 11), DateRole.VIOLATION: date(2024, 2, 2)},
            "fine": D(5000), "pair": (D(5000), D(5000)),
            "violated": [("医疗机构管理条例", 27, None, None)], "basis": [("医疗机构管理条例", 47, None, None)],
        },
    ),
    # 16. a salutation with the credit code in brackets
    Probe(
        "salutation_with_code", "docx",
        [
            "岳阳市生态环境局",
            "行政处罚决定书",
            "岳环罚决字〔2024〕5号",
            "岳阳市君山区鑫源化工有限公司（统一社会信用代码：91430611**********）：",
            "我局于2024年1月15日对你公司进行现场检查，发现你公司危险废物贮存场所未设置识别标志。",
            "你公司上述行为违反了《中华人民共和国固体废物污染环境防治法》第七十七条第一款的规定。依据《中华人民共和国固体废物污染环境"
            "防治法》第一百一十二条第一款第（一）项的规定，我局决定对你公司处以罚款人民币壹拾万元整（￥100000元）。",
            "如不服本处罚决定，可在收到本决定书之日起六十日内向岳阳市人民政府申请行政复议，也可以在六个月内向岳阳市君山区人民法院提起"
            "行政诉讼。",
            "岳阳市生态环境局",
            "2024年3月5日",
        ],
        DocKind.DECISION,
        {
            "own_no": "岳环罚决字〔2024〕5号",
            "party": ("岳阳市君山区鑫源化工有限公司", "organisation", "91430611**********"),
            "dates": {DateRole.DECISION: date(2024, 3, 5)},
            "fine": D(100000), "pair": (D(100000), D(100000)),
            "basis": [("中华人民共和国固体废物污染环境防治法", 112, 1, 1)],
        },
    ),
    # 17. 询问笔录 with 起…止, officers named in the first question with 执法证号为…, names spaced to align
    Probe(
        "inquiry_spoken", "docx",
        [
            "询问（调查）笔录",
            "询问时间：2024年3月5日9时30分起至2024年3月5日10时15分止",
            "询问地点：湘潭市交通运输局执法支队",
            "询 问 人：王  五、赵  六          记 录 人：赵  六",
            "被询问人：何某某    性别：男    身份证号码：110105198203150017",
            "问：我们是湘潭市交通运输局的执法人员王五、赵六，执法证号为43030012301、43030012302，现依法向你进行调查询问，"
            "你看清楚了吗？",
            "答：看清楚了。",
            "被询问人签名：何某某",
        ],
        DocKind.INQUIRY_RECORD,
        {
            "span": (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15)),
            "officers": [("王五", "43030012301"), ("赵六", "43030012302")],
        },
    ),
    # 18. officers in a table with a 序号 column, certificate numbers with a province prefix
    Probe(
        "officer_table_numbered", "docx",
        [
            "现场检查笔录",
            "检查时间：2024年4月8日14时10分至15时00分",
            "检查地点：湘潭市岳塘区某某路9号",
            [["序号", "执法人员", "执法证号"], ["1", "王五", "湘A0123456"], ["2", "赵六", "湘A0123457"]],
            "检查情况：现场检查时，当事人正在使用未取得道路运输证的车辆装卸货物。",
            "被检查人签名：何某某",
        ],
        DocKind.INSPECTION_RECORD,
        {
            "span": (datetime(2024, 4, 8, 14, 10), datetime(2024, 4, 8, 15, 0)),
            "officers": [("王五", "湘A0123456"), ("赵六", "湘A0123457")],
        },
    ),
    # 19. the decision's header and title on one line, a page header line above it, the party's operator inline
    Probe(
        "header_and_title", "pdf",
        [
            [
                "湖南省市场监督管理局统一制式文书",
                "长沙市岳麓区市场监督管理局行政处罚决定书",
                "岳市监处罚〔2024〕88号",
                "当事人：长沙市岳麓区好又多副食店  经营者：钱某某",
                "主体资格证照名称：营业执照",
                "统一社会信用代码：92430104MA4P******",
                "住所（住址）：长沙市岳麓区某某路88号",
                "    2024年1月12日，本局执法人员对当事人经营场所进行检查，发现当",
                "事人于2024年1月10日购进并销售标签不符合规定的预包装食品。",
                "    当事人的上述行为违反了《中华人民共和国食品安全法》第七十一条",
                "第一款的规定。依据《中华人民共和国食品安全法》第一百二十五条第一",
                "款第（二）项的规定，本局决定对当事人作出如下行政处罚：1.没收违法",
                "所得人民币120元；2.罚款人民币5000元。",
                "    当事人应当自收到本决定书之日起十五日内缴纳罚款。",
                "    当事人如不服本处罚决定，可以在收到本处罚决定书之日起六十日内向",
                "长沙市岳麓区人民政府申请行政复议；也可以在六个月内依法向长沙市岳",
                "麓区人民法院提起行政诉讼。",
                "长沙市岳麓区市场监督管理局",
                "2024年 3月 5日",
            ],
        ],
        DocKind.DECISION,
        {
            "own_no": "岳市监处罚〔2024〕88号", "agency": "长沙市岳麓区市场监督管理局",
            "party": ("长沙市岳麓区好又多副食店", "individual", "92430104MA4P******"), "rep": "钱某某",
            "dates": {DateRole.DECISION: date(2024, 3, 5), DateRole.VIOLATION: date(2024, 1, 10)},
            "fine": D(5000),
            "violated": [("中华人民共和国食品安全法", 71, 1, None)],
            "basis": [("中华人民共和国食品安全法", 125, 1, 2)],
            "review_body": "长沙市岳麓区人民政府",
        },
    ),
    # 20. a sentence running over a page break, with a page footer and a running header (续页) between its
    #     halves, and a code field followed by an unindented paragraph
    Probe(
        "page_break", "pdf",
        [
            [
                "盘锦市生态环境局",
                "行政处罚决定书",
                "盘环罚决(2021)139号",
                "当事人：盘锦鑫达石化装备制造有限公司",
                "统一社会信用代码：914101850572028342",
                "2021年5月18日，我局执法人员对你单位进行现场检查，发现你单位喷涂",
                "车间建设项目环境影响报告表未经审批，擅自开工建设，并于2021年4月1",
                "日投入生产。你单位的上述行为违反了《中华人民共和国环境影响评价法》",
                "第二十五条的规定。依据《中华人民共和国环境影响评价法》第三十一条第",
                "第 1 页 共 2 页",
            ],
            [
                "盘锦市生态环境局行政处罚决定书（续页）",
                "一款的规定，我局决定对你单位作出如下处罚：责令停止建设，处罚款人民币",
                "伍万元整（50000元）。限你单位于收到本处罚决定书之日起十五日内将罚",
                "款缴至指定银行。如不服本处罚决定，可在收到本处罚决定书之日起六十日内",
                "向盘锦市人民政府申请行政复议，也可以在六个月内向盘锦市兴隆台区人民法",
                "院提起行政诉讼。",
                "盘锦市生态环境局",
                "2021年8月16日",
                "— 2 —",
            ],
        ],
        DocKind.DECISION,
        {
            "own_no": "盘环罚决(2021)139号", "party": ("盘锦鑫达石化装备制造有限公司", "organisation", "914101850572028342"),
            "dates": {DateRole.DECISION: date(2021, 8, 16), DateRole.VIOLATION: date(2021, 4, 1)},
            "fine": D(50000), "pair": (D(50000), D(50000)),
            "violated": [("中华人民共和国环境影响评价法", 25, None, None)],
            "basis": [("中华人民共和国环境影响评价法", 31, 1, None)],
            "review_body": "盘锦市人民政府",
        },
    ),
    # 21. 送达回证 written as text lines in a PDF: document and number on separate lines, a time to the minute
    Probe(
        "receipt_text", "pdf",
        [[
            "岳阳市生态环境局",
            "送 达 回 证",
            "送达文书名称：行政处罚决定书",
            "文号：岳汨环罚决字〔2023〕020号",
            "受送达人：汨罗市恒达再生资源有限公司",
            "送达地点：湖南省汨罗市循环经济产业园区再生路8号",
            "送达方式：直接送达",
            "送达时间：2023年6月13日10时20分",
            "受送达人签名：刘某某    2023年6月13日",
            "送达人：王某、李某",
            "打印时间：2023-06-14 09:12",
        ]],
        DocKind.SERVICE_RECEIPT,
        {"dates": {DateRole.DELIVERY: date(2023, 6, 13)}, "cited": ["岳汨环罚决字〔2023〕020号"]},
    ),
    # 22. an individual named by 姓名/性别/身份证号 labels on one line (no 当事人 label), a quoted statutory
    #     range before the fine, 〇 written ○ in the 落款, a number line pushed right with spaces
    Probe(
        "individual_labels", "docx",
        [
            "北京市朝阳区市场监督管理局",
            "行政处罚决定书",
            "                                          京朝市监处罚〔2024〕第312号",
            "姓名：孙某某    性别：女    身份证号：110105198203150017",
            "住址：北京市朝阳区某某小区5号楼",
            "经查，当事人于2023年12月1日起在未取得食品经营许可的情况下，在其住所内制作并通过网络销售糕点，货值金额为3200元。",
            "当事人的上述行为违反了《中华人民共和国食品安全法》第三十五条第一款的规定。依据《中华人民共和国食品安全法》第一百二十二条"
            "第一款“违反本法规定，未取得食品生产经营许可从事食品生产经营活动……货值金额不足一万元的，并处五万元以上十万元以下罚款”"
            "的规定，本局决定对当事人作出如下行政处罚：没收违法所得人民币3200元，罚款人民币伍万元整（¥50000元）。",
            "当事人如不服本处罚决定，可以在收到本处罚决定书之日起六十日内向北京市朝阳区人民政府申请行政复议；也可以在六个月内依法"
            "向北京市朝阳区人民法院提起行政诉讼。",
            "北京市朝阳区市场监督管理局",
            "二○二四年一月十二日",
        ],
        DocKind.DECISION,
        {
            "own_no": "京朝市监处罚〔2024〕第312号",
            "party": ("孙某某", "individual", "110105198203150017"),
            "dates": {DateRole.DECISION: date(2024, 1, 12), DateRole.VIOLATION: date(2023, 12, 1)},
            "fine": D(50000), "pair": (D(50000), D(50000)),
            "violated": [("中华人民共和国食品安全法", 35, 1, None)],
            "basis": [("中华人民共和国食品安全法", 122, 1, None)],
            "review_body": "北京市朝阳区人民政府",
        },
    ),
    # 23. 询问笔录 as a form table: times in a cell, officers and numbers in cells of one row
    Probe(
        "inquiry_form_table", "docx",
        [
            "询问笔录",
            [
                ["询问时间", "2024年3月5日9时30分至10时15分", "询问地点", "本局301室"],
                ["询问人", "张三、李四", "执法证号", "11010012345、11010012346"],
                ["记录人", "李四", "被询问人", "赵某某"],
            ],
            "问：我们是北京市朝阳区市场监督管理局的执法人员，这是我们的执法证件，你看清楚了吗？",
            "答：看清楚了。",
            "被询问人签名：赵某某",
        ],
        DocKind.INQUIRY_RECORD,
        {
            "span": (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15)),
            "officers": [("张三", "11010012345"), ("李四", "11010012346")],
        },
    ),
    # 24. officers on two lines (a name and number per line under one label), 自…起至…止, a semicolon list
    Probe(
        "officers_two_lines", "docx",
        [
            "现场笔录",
            "时间：自2024年5月20日14时10分起至2024年5月20日15时00分止",
            "地点：岳阳市岳阳楼区某某路66号",
            "执法人员：周某某  执法证号：43060012301",
            "          钱某某  执法证号：43060012302",
            "当事人：岳阳市岳阳楼区某某烧烤店    经营者：吴某某",
            "现场情况：执法人员出示执法证件后，对当事人店外占道经营的情况进行了检查。",
            "当事人签名：吴某某",
        ],
        DocKind.INSPECTION_RECORD,
        {
            "span": (datetime(2024, 5, 20, 14, 10), datetime(2024, 5, 20, 15, 0)),
            "officers": [("周某某", "43060012301"), ("钱某某", "43060012302")],
        },
    ),
]


def _read(tmp_path: Path, probe: Probe) -> list[Document]:
    if probe.fmt == "docx":
        path = make_docx(tmp_path / f"{probe.name}.docx", probe.items)
    else:
        path = make_pdf(tmp_path / f"{probe.name}.pdf", probe.items)
    return split_documents(read_file(path, path.name))


def _facts(tmp_path: Path, probe: Probe) -> DocFacts:
    docs = _read(tmp_path, probe)
    kinds = [d.kind for d in docs]
    assert kinds == [probe.kind], kinds
    return extract_document(docs[0])


def _prov(found) -> tuple:
    p = found.value
    return (p.law, p.article, p.clause, p.item)


def _mismatches(facts: DocFacts, expect: dict) -> list[str]:
    """Every expected value the facts do not hold, as 'field: got … expected …'."""
    out: list[str] = []

    def check(name: str, got, want) -> None:
        if got != want:
            out.append(f"{name}: got {got!r}, expected {want!r}")

    if "own_no" in expect:
        check("own_no", no_spaces(facts.own_no.value) if facts.own_no else None, expect["own_no"])
    if "agency" in expect:
        check("agency", facts.agency.value if facts.agency else None, expect["agency"])
    if "party" in expect:
        got = (
            facts.party_name.value if facts.party_name else None,
            facts.party_kind,
            facts.party_id.value if facts.party_id else None,
        )
        check("party", got, expect["party"])
    if "rep" in expect:
        check("rep", facts.party_representative.value if facts.party_representative else None, expect["rep"])
    for role, want in expect.get("dates", {}).items():
        check(f"date {role}", facts.dates[role].value if role in facts.dates else None, want)
    if "fine" in expect:
        check("fine", facts.fine.value if facts.fine else None, expect["fine"])
    if "pair" in expect:
        pairs = [(a.upper, a.figures) for a in facts.amounts]
        if expect["pair"] not in pairs:
            out.append(f"amounts: got {pairs!r}, expected {expect['pair']!r} among them")
    if "violated" in expect:
        check("violated", [_prov(f) for f in facts.violated], expect["violated"])
    if "basis" in expect:
        check("basis", [_prov(f) for f in facts.penalty_basis], expect["basis"])
    if "officers" in expect:
        check("officers", [(o.name, o.cert_no) for o in facts.officers], expect["officers"])
    if "review_body" in expect:
        check("review_body", facts.review_body.value if facts.review_body else None, expect["review_body"])
    if "span" in expect:
        check("span", facts.time_span.value if facts.time_span else None, expect["span"])
    if "cited" in expect:
        check("cited", [no_spaces(c.value) for c in facts.cited_case_nos], expect["cited"])
    return out


@pytest.mark.parametrize("probe", PROBES, ids=[p.name for p in PROBES])
def test_real_world_document(tmp_path: Path, probe: Probe) -> None:
    facts = _facts(tmp_path, probe)
    assert _mismatches(facts, probe.expect) == []


# ---------------------------------------------------------------------------------------------------- a whole case


def _csv_row(e) -> dict[str, str]:
    return cases_csv_row(e, (
        "case_no", "agency", "party_name", "party_kind", "party_id", "filing_date", "notice_no", "notice_date",
        "notice_served_date", "decision_date", "delivery_date", "fine_amount", "notice_fine_amount", "officers",
        "officer_cert_nos",
    ))  # fmt: skip


FIRE_FILING = [
    "兴义市消防救援大队",
    "立 案 审 批 表",
    [
        ["案件来源", "监督检查"],
        ["当事人", "兴义市金鑫商贸有限公司"],
        ["统一社会信用代码", "91522301MA6HQ3B03F"],
        ["案由", "涉嫌占用疏散通道案"],
        ["承办人", "杨某某、吴某某"],
        ["负责人审批意见", "同意立案。 罗某 2023年2月13日"],
        ["立案日期", "2023年2月13日"],
    ],
]
FIRE_RECORD = [[
    "兴义市消防救援大队",
    "现场检查笔录",
    "检查时间：2023年2月10日10时05分至10时50分",
    "检查地点：兴义市桔山街道某某路16号兴义市金鑫商贸有限公司",
    "执法人员：杨某某（执法证号：52230012301）、吴某某（执法证号：52230012302）",
    "被检查单位：兴义市金鑫商贸有限公司    现场负责人：罗某某",
    "    检查情况：执法人员出示执法证件后，对该单位进行消防监督检查，发现该单",
    "位一楼东侧疏散通道被货物堆占，堆放长度约8米，影响人员安全疏散。",
    "被检查人签名：罗某某",
]]
FIRE_NOTICE = [
    "兴义市消防救援大队",
    "行政处罚告知书",
    "兴消行罚告字〔2023〕第100050号",
    "兴义市金鑫商贸有限公司：",
    "经查，你单位占用疏散通道，违反了《中华人民共和国消防法》第二十八条的规定。依据《中华人民共和国消防法》第六十条第一款"
    "第三项的规定，我大队拟对你单位作出罚款人民币伍仟元整的行政处罚。",
    "你单位可在收到本告知书之日起五日内向我大队提出陈述和申辩，逾期视为放弃陈述和申辩权利。",
    "兴义市消防救援大队",
    "二〇二三年二月二十日",
]


def _receipt(served: str, person: str, when: str) -> list:
    return [
        "送达回证",
        [
            ["送达文书名称及文号", served],
            ["受送达人", "兴义市金鑫商贸有限公司"],
            ["送达方式", "直接送达"],
            ["受送达人签名", person],
            ["送达日期", when],
            ["送达人", "杨某某、吴某某"],
        ],
    ]


def test_whole_case_as_a_reviewer_writes_it(tmp_path: Path) -> None:
    """A case folder from another unit: Word forms, PDF records and decision, dates in four notations."""
    folder = tmp_path / "兴义市消防救援大队" / "2023-066"
    folder.mkdir(parents=True)
    decision = next(p for p in PROBES if p.name == "xingyi")
    make_docx(folder / "01立案审批表.docx", FIRE_FILING)
    make_pdf(folder / "02现场检查笔录.pdf", FIRE_RECORD)
    make_docx(folder / "03告知书.docx", FIRE_NOTICE)
    make_docx(folder / "04告知书送达回证.docx",
              _receipt("行政处罚告知书（兴消行罚告字〔2023〕第100050号）", "罗某某", "2023.2.21"))
    make_pdf(folder / "05决定书.pdf", decision.items)
    make_docx(folder / "06决定书送达回证.docx",
              _receipt("行政处罚决定书（兴消行罚决字〔2023〕第100066号）", "罗某某", "2023-03-06"))
    documents = [part for f in sorted(folder.iterdir()) for part in split_documents(read_file(f, f.name))]
    assert [d.kind for d in documents] == [
        DocKind.FILING_APPROVAL, DocKind.INSPECTION_RECORD, DocKind.PENALTY_NOTICE, DocKind.SERVICE_RECEIPT,
        DocKind.DECISION, DocKind.SERVICE_RECEIPT,
    ]
    facts = extract_case(Dossier("兴义市消防救援大队/2023-066", "兴义市消防救援大队", documents=documents))
    assert _csv_row(facts.elements) == {
        "case_no": "兴消行罚决字〔2023〕第100066号",
        "agency": "兴义市消防救援大队",
        "party_name": "兴义市金鑫商贸有限公司",
        "party_kind": "organisation",
        "party_id": "91522301MA6HQ3B03F",
        "filing_date": "2023-02-13",
        "notice_no": "兴消行罚告字〔2023〕第100050号",
        "notice_date": "2023-02-20",
        "notice_served_date": "2023-02-21",
        "decision_date": "2023-03-05",
        "delivery_date": "2023-03-06",
        "fine_amount": "5000",
        "notice_fine_amount": "5000",
        "officers": "杨某某;吴某某",
        "officer_cert_nos": "52230012301;52230012302",
    }


# ---------------------------------------------------------------------------------------------------- parsers
# The variants above one parser at a time, each with what must NOT come out (a wrong value is worse than none).


def _party(lines: list[str]) -> tuple:
    info = parse_party(lines)
    return (
        info.name.value if info.name else None,
        info.kind,
        info.party_id.value if info.party_id else None,
        info.representative.value if info.representative else None,
    )


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the name on the line after an empty "当事人：", never the label itself
        (["行政处罚决定书", "当事人：", "汨罗市恒达再生资源有限公司", "统一社会信用代码：914101850572028342"],
         ("汨罗市恒达再生资源有限公司", "organisation", "914101850572028342", None)),
        (["行政处罚决定书", "当事人：", "社会统一信用代码：914101850572028342"], (None, None, "914101850572028342", None)),
        # a heading is no salutation
        (["当事人基本情况：", "当事人：王某某，男，身份证号码120224198503151237"],
         ("王某某", "individual", "120224198503151237", None)),
        # the operator in brackets after the trade name, and the trade name in brackets after the operator
        (["当事人：长沙市开福区味道餐饮店（经营者：周某某）", "统一社会信用代码：92430105MA4L******"],
         ("长沙市开福区味道餐饮店", "individual", "92430105MA4L******", "周某某")),
        (["当事人：钱某某（长沙市岳麓区好又多副食店经营者）"], ("长沙市岳麓区好又多副食店", "individual", None, "钱某某")),
        (["被处罚人名称：长沙某某建材有限公司"], ("长沙某某建材有限公司", "organisation", None, None)),
        (["当事人：北京某某科技有限公司", "统一社会信用代码：9111 0105 MA01 RK20 2X"],
         ("北京某某科技有限公司", "organisation", "9111 0105 MA01 RK20 2X", None)),
        (["岳阳市君山区鑫源化工有限公司（统一社会信用代码：91430611**********）："],
         ("岳阳市君山区鑫源化工有限公司", "organisation", "91430611**********", None)),
        (["当事人：北京某某科技（中国）有限公司（以下简称某某公司）"], ("北京某某科技（中国）有限公司", "organisation", None, None)),
    ],
)  # fmt: skip
def test_party_variants(lines: list[str], expected: tuple) -> None:
    assert _party(lines) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["检查人员：王五（执法证编号：湘A0123456）、赵六（执法证编号：湘A0123457）"],
         [("王五", "湘A0123456"), ("赵六", "湘A0123457")]),
        (["我们是区市场监管局的执法人员张三、李四，执法证号为11010012345、11010012346，现依法向你调查。"],
         [("张三", "11010012345"), ("李四", "11010012346")]),
        (["执法人员：张 三（执法证号：11010012345）、李 四（执法证号：11010012346）"],
         [("张三", "11010012345"), ("李四", "11010012346")]),
        (["执法人员：欧 阳 明（执法证号：11010012345）"], []),  # not "欧阳"
        (["序号 | 执法人员 | 执法证号", "1 | 张三 | 11010012345", "2 | 李四 | 11010012346"],
         [("张三", "11010012345"), ("李四", "11010012346")]),
        (["执法人员：张三  执法证号：11010012345", "          李四  执法证号：11010012346"],
         [("张三", "11010012345"), ("李四", "11010012346")]),
        (["执法人员：张三、李四", "执法证号：11010012345、11010012346"], [("张三", "11010012345"), ("李四", "11010012346")]),
        (["执法人员：张三、李四", "执法证号：11010012345"], [("张三", None), ("李四", None)]),  # which one's? unknown
        (["执法人员姓名及证号：张三/11010012345，李四/11010012346"], [("张三", "11010012345"), ("李四", "11010012346")]),
        (["执法人员：张三，执法证号：11010012345；李四，执法证号：11010012346。"],
         [("张三", "11010012345"), ("李四", "11010012346")]),
        # narrative after a numbered officer is not a list of names
        (["执法人员：张三（执法证号：11010012345），现场检查，发现问题"], [("张三", "11010012345")]),
        (["执法人员：张三  执法证号：11010012345", "现场情况 12345678"], [("张三", "11010012345")]),
    ],
)  # fmt: skip
def test_officer_variants(lines: list[str], expected: list) -> None:
    assert [(h.name, h.cert) for h in find_officers_in_lines(lines)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("罚款人民币叁仟元整（大写），¥3000.00（小写）", [(D(3000), D(3000))]),
        ("处罚款伍万元（RMB50000元）", [(D(50000), D(50000))]),
        ("（大写：伍仟元，小写：5000元）", [(D(5000), D(5000))]),
        ("罚款人民币伍仟元，¥5000", [(D(5000), D(5000))]),
        ("罚款人民币伍仟元，2000元用于购置灭火器", [(D(5000), None), (None, D(2000))]),  # two amounts, not one pair
    ],
)  # fmt: skip
def test_amount_pairs(text: str, expected: list) -> None:
    assert [(a.upper, a.figures) for a in find_amounts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("违反了《中华人民共和国道路运输条例》（以下简称《条例》）第三十四条的规定，依据《条例》第六十三条的规定",
         ([("中华人民共和国道路运输条例", 34, None, None)], [("中华人民共和国道路运输条例", 63, None, None)])),
        ("违反了《中华人民共和国大气污染防治法》（以下简称“大气法”）第十八条的规定，依据《大气法》第九十九条第（二）项",
         ([(DAQI, 18, None, None)], [(DAQI, 99, None, 2)])),
        ("违反了《中华人民共和国大气污染防治法》（2018年修正）第十八条的规定", ([(DAQI, 18, None, None)], [])),
        ("违反了《医疗机构管理条例》（国务院令第149号）第二十七条的规定", ([("医疗机构管理条例", 27, None, None)], [])),
        ("依据《中华人民共和国食品安全法》第一百二十四条第一款第（三）、（四）项的规定",
         ([], [("中华人民共和国食品安全法", 124, 1, 3), ("中华人民共和国食品安全法", 124, 1, 4)])),
        ("依据《中华人民共和国食品安全法》第一百二十四条第一款第三、四项的规定",
         ([], [("中华人民共和国食品安全法", 124, 1, 3), ("中华人民共和国食品安全法", 124, 1, 4)])),
    ],
)  # fmt: skip
def test_citation_variants(text: str, expected: tuple) -> None:
    violated, basis = classify_citations(text)
    got = ([_prov_of(c.provision) for c in violated], [_prov_of(c.provision) for c in basis])
    assert got == expected


def _prov_of(p) -> tuple:
    return (p.law, p.article, p.clause, p.item)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("询问时间：自2024年3月5日9时30分起至2024年3月5日10时15分止", (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15))),
        ("询问时间：2024年3月5日9时30分至3月5日10时15分", (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15))),
        ("2024年3月5日23时30分至3月6日0时15分", (datetime(2024, 3, 5, 23, 30), datetime(2024, 3, 6, 0, 15))),
        ("询问时间：2024 年 3 月 5 日 9 时 30 分至 10 时 15 分", (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15))),
        ("询问时间：二〇二四年三月五日九时三十分至十时十五分", (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15))),
    ],
)  # fmt: skip
def test_record_time_variants(text: str, expected: tuple) -> None:
    spans = find_time_spans(text)
    assert [(s.begin, s.finish) for s in spans] == [expected]


@pytest.mark.parametrize(
    "text",
    ["岳汨环罚决字〔2023〕020号", "盘环罚决(2021)138号", "(津保)应急罚[2023]k-39号", "豫0185环罚决字〔2023〕22号",
     "昌州环罚字〔2022〕1-10号", "湛(吴)环罚字〔2021〕18号", "兴消行罚决字〔2023〕第100066号", "京环境监察罚字〔2018〕29号",
     "京建法罚（朝房）字[2008]第12-0034号", "京朝市监罚告字［2024］第0009号", "深环罚决字【2023】第A12号",
     "川成环罚〔2023〕ZF-0039号"],
)  # fmt: skip
def test_case_numbers_as_written(text: str) -> None:
    found = find_case_numbers(f"文号：{text}。")
    assert [c.text for c in found] == [text]
    spaced = " ".join(text)  # a number typed with spaces, or read back from a justified PDF line
    assert [c.text for c in find_case_numbers(spaced)] == [text]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("当 事 人：", "当事人  ："),
        ("名    称：北京某某科技有限公司", "名称    ：北京某某科技有限公司"),
        ("询 问 人：王  五          记 录 人：王  五", "询问人  ：王  五          记录人  ：王  五"),
        ("法定代表人：王  某  住  所：北京", "法定代表人：王  某  住所  ：北京"),
        ("行 政 处 罚 决 定 书", "行 政 处 罚 决 定 书"),  # a title, not a label
        ("经 查 明：当事人于…", "经 查 明：当事人于…"),  # not a known label: left as it is
    ],
)  # fmt: skip
def test_spread_labels_brought_together(line: str, expected: str) -> None:
    (got,) = form_lines([line])
    assert got == expected and len(got) == len(line)


def test_remedies_skip_headings_and_enforcement() -> None:
    text = ("三、申请行政复议或者提起行政诉讼的途径和期限\n逾期不缴纳罚款的，本局将依法向人民法院申请强制执行。"
            "如不服本处罚决定，可在收到本决定书之日起六十日内向岳阳市人民政府申请行政复议，也可以在六个月内向汨罗市人民法院提起"
            "行政诉讼。")  # fmt: skip
    hit = find_remedies(text)
    assert hit is not None and (hit.days, hit.months, hit.body) == (60, 6, "岳阳市人民政府")
    assert find_remedies("逾期不缴纳罚款的，本局将在十五日后依法向人民法院申请强制执行。") is None
