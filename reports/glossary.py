"""The reports layer's words: scorecard sheets, charts, reviewer overrides, trends, the circular and letters.

See ingest/glossary.py for how the layers share their words.
"""

from __future__ import annotations

# The 复核结论 drop-down: identifier -> the value a reviewer picks. An empty cell means 维持.
REVIEW_CHOICE_ZH: dict[str, str] = {
    "keep": "维持",
    "pass": "改为通过",
    "fail": "改为扣分",
    "veto": "改为否决",
    "n/a": "不适用",
}

YES_ZH = "是"

NO_ZH = "否"

NONE_ZH = "无"  # an empty slot in a table or list (e.g. a reviewer from no reviewed unit)

# Words on the scorecard's sheets, headers and print footer.
REPORT_ZH: dict[str, str] = {
    "title": "行政执法案卷评查汇总",
    "ranking": "单位排名",
    "top_problems": "常见问题",
    "files_with_problem": "涉及案卷数",
    "points_total": "扣分合计",
    "needs_review_count": "需人工复核案卷数",
    "checklist_title": "评查标准名称",
    "checklist_id": "评查标准编号",
    "generated_at": "生成时间",
    "output_folder": "输出目录",
    "top_item_deductions": "主要扣分",
    "supplement": "附加评查结果",
    "unit_files": "案卷清单",
    "charts": "统计图",
    "auto_status": "自动评查结论",
    "auto_points": "自动评查扣分",
    "auto_total_score": "自动评查得分",
    "auto_grade": "自动评查等次",
    "review_changes": "复核改动的案卷",
    "reviewed_total": "复核后得分",
    "reviewed_grade": "复核后等次",
    "reviewed": "已复核",
    "column": "列",
    "note": "说明",
    "legend": "颜色说明",
    "footer": "第 &P 页，共 &N 页",
    "no_data": "无数据",
    "all_units": "全部单位",
    "review_done": "复核已应用：读取复核意见 {edits} 条，改动 {changes} 项，重新计分 {files} 卷，等次变化 {grades} 卷",
    "review_out": "复核结果目录：{path}",
}

# A campaign of several case types (issue 17): each type's standard, files and averages shown apart.
TYPE_REPORT_ZH: dict[str, str] = {
    "by_type": "各单位分类型平均分",
    "type_files": "{type}案卷数",
    "type_average": "{type}平均分",
    "overall_average": "总平均分",
    "standard_of": "评查标准（{type}）",
    "standard_text": "《{title}》（{id} {version}）",
    "unscored": "未评分",
    "unit_line": "{type}{average}（{files}卷）",
    "section": "附加评查：{title}",
    "type_sentence": "{type}案卷{files}卷，依据《{title}》评查，平均分{average}分，{grades}。",
    "type_no_scored": "{type}案卷{files}卷，均未评分。",
    "unscored_sentence": "另有{n}卷未配置相应评查标准或无法判定案件类型，未评分，已列入问题文件。",
    "by_type_intro": "本次评查涉及{n}类案件，分别依据相应的评查标准评查，各类案件情况如下：",
    "type_table_intro": "各单位分类型平均分如下表（“—”表示该单位无此类案卷）：",
    "problems_of": "{type}：《{title}》",
    "item_of": "{item}（{type}）",
    "section_result": "《{title}》得分{score}，等次{grade}",
    "section_total": "附加评查结果：得分{score}，等次{grade}（依附加评查标准单独评定，不计入本卷得分）。",
    "ranking_intro": "各单位按所评查案卷的平均分排名，平均分相同的按总分排名。各类案卷分别依据其评查标准评分（满分均为100分）"
                     "并评定等次；单位平均分对照其各案卷所依标准的等次分数线（取平均）衡量。结果如下：",
}

# Chart titles and axis labels.
CHART_ZH: dict[str, str] = {
    "avg_by_unit": "各单位案卷平均分",
    "avg_by_unit_type": "各单位分类型案卷平均分",
    "grades_by_unit": "各单位案卷等次分布",
    "pareto": "否决项涉及案卷数与主要扣分项目扣分合计（帕累托图）",
    "pareto_points": "主要扣分项目：各项扣分合计（帕累托图）",
    "pareto_vetoes": "否决项问题：涉及案卷数（相关案卷评为不合格）",
    "points": "扣分合计",
    "cumulative_points": "扣分累计占比",
    "heatmap": "各单位各类别平均扣分（每卷）",
    "score": "平均分",
    "files": "案卷数",
    "unit": "被评查单位",
    "category": "评查类别",
}

# Column notes: the 说明 sheet and the comments on the reviewer headers.
COLUMN_NOTES_ZH: dict[str, str] = {
    "dossier_id": "案卷在送评目录中的位置（单位/案卷），是读取复核结果的依据，请勿修改。",
    "item_code": "评查标准中的项目编号（V 为否决项，R 为扣分项），只在该卷所依的评查标准内有效（不同标准的同一编号是不同项目）；附加评查的项目记为“标准编号/项目编号”，单独评定、不计入本卷得分，不在本表复核。请勿修改。",
    "status": "系统评查结论：通过、扣分、否决、不适用、无法判定（需人工确认）、待人工评查。",
    "points_deducted": "系统扣分，已按单项上限计算。",
    "veto": "该项为否决项且不符合时显示“是”，案卷得分记为 0 分，原始得分另列。",
    "evidence": "文件、页码/段落、原文摘录指出问题所在；缺少文书时摘录为空。",
    "override_status": "从下拉列表选择：维持（或留空）不作改动；改为通过；改为扣分；改为否决（仅否决项）；不适用。",
    "override_points": "仅“改为扣分”时填写，不得为负，不得超过该项扣分上限；留空则按该项标准分值扣分。",
    "override_reason": "改动结论时必须填写复核理由。",
    "reviewer": "改动结论时必须填写复核人姓名。",
    "apply": "填写完成后保存，运行 pingcha review apply 本文件 --out 新目录，生成复核后的得分、等次和复核记录；原评查结果不会被修改。",
    "colors": "红色：否决项不符合；橙色：等次为不合格的案卷。",
    "auto_status": "复核后的评查表：复核人改动过的项目，此处是系统原来的结论和扣分；“评查结论”“扣分”两列是复核后的结果。"
                   "单位工作表和汇总表中的“自动评查得分”“自动评查等次”同理。",
    "row_key": "隐藏列：每行的校验码，把复核意见对应到原案卷和项目。可按整行排序、筛选；不要单独对某一列排序，不要删除行。",
}
ROW_KEY_ZH = "行校验码"  # the hidden 评查明细 column that ties a row to its dossier, item and run

# Errors a reviewer sees when the 复核 columns cannot be read; {where} is 'sheet!cell'.
REVIEW_ERROR_ZH: dict[str, str] = {
    "unknown_choice": "{where}：复核结论“{value}”不在下拉列表中",
    "unknown_item": "{where}：未知的项目编号“{value}”",
    "unknown_dossier": "{where}：未知的案卷“{value}”",
    "duplicate": "{where}：案卷“{dossier}”的项目“{item}”重复出现",
    "not_number": "{where}：复核扣分“{value}”不是数字",
    "negative": "{where}：复核扣分不得为负数（{value}）",
    "over_cap": "{where}：复核扣分 {value} 超过该项扣分上限 {cap}",
    "points_without_fail": "{where}：填写了复核扣分，但复核结论不是“改为扣分”",
    "no_reason": "{where}：改动结论须填写复核理由",
    "no_reviewer": "{where}：改动结论须填写复核人",
    "veto_not_allowed": "{where}：项目“{item}”不是否决项，不能改为否决",
    "section_item": "{where}：项目“{item}”属于附加评查部分，单独计分、不计入案卷得分，不能在此复核",
    "veto_item_points": "{where}：项目“{item}”是否决项，只能改为否决、通过或不适用",
    "what": "评查表",
    "missing_column": "{where}：缺少列“{value}”",
    "missing_meta": "评查表缺少隐藏工作表“_meta”，无法确定原评查结果目录",
    "base_not_found": "找不到评查表对应的原评查结果目录（{value}）",
    "base_changed": "原评查结果目录“{value}”的内容与评查表生成时不一致",
    "out_is_base": "复核结果目录不能是原评查结果目录或其子目录：{value}",
    "row_key_mismatch": "{where}：本行的案卷、项目编号与行校验码不符（可能只对某一列单独排序，或移动、改动了案卷或项目编号）；"
                        "请撤销该操作、恢复原来的顺序后再应用（按整行排序不受影响），或重新生成评查表",
    "row_key_missing": "{where}：本行没有行校验码，不是 pingcha 生成的行（可能是插入或从别处粘贴的）；请删除该行后再应用",
    "row_deleted": "{where}：案卷“{dossier}”项目“{item}”所在的行已被删除；请恢复该行（或在原评查表上填写）后再应用",
    "review_without_choice": "{where}：填写了复核理由或复核人，但复核结论为空（若曾单独对某一列排序，请撤销、恢复原来的顺序后再应用）",
    "not_finite": "{where}：复核扣分“{value}”不是有效的数字",
    "formula_no_value": "{where}：单元格是公式“{value}”，但没有计算结果；请直接填写数值或文字",
    "invisible": "{where}：{column}含不可见字符 {value}（如零宽空格），请删除后重新输入",
    "meta_edited": "{where}：评查表的隐藏工作表“_meta”被改动（校验不符），无法确认对应的评查结果；请使用 pingcha 生成的评查表",
    "more": "……另有 {n} 处问题未列出",
    "not_workbook": "无法读取评查表“{value}”：不是有效的 .xlsx 工作簿（文件损坏、未保存完整或格式不对）",
    "other_base": "{where}：与“{first}”不是同一次评查结果生成的评查表，不能一起应用",
    "conflict": "{first} 与 {second}：案卷“{dossier}”项目“{item}”的复核意见不一致（{a} / {b}），请复核人协商后只在一份评查表中保留",
    "audit_broken": "{where}：复核记录与前一行的校验不符，之前的复核记录被改动过；请使用未经改动的复核结果目录",
}

REVIEWED_LABEL_ZH = "（复核后）"  # a campaign's label in trends when its scores are the reviewers'

TREND_ZH: dict[str, str] = {
    "unit_scores": "各单位案卷平均分变化",
    "grade_shares": "案卷等次构成变化",
    "top_problems": "主要问题涉及案卷占比变化",
    "category_deductions": "各类别每卷平均扣分变化",
    "campaign": "评查活动",
    "year": "年度",
    "label": "评查批次",
    "run_at": "评查时间",
    "files": "案卷数",
    "units": "单位数",
    "share": "占比",
    "share_pct": "占比（%）",
    "per_file": "每卷平均扣分",
    "points": "扣分合计",
    "rank": "排名",
    "recurrence": "整改未到位（上次评查的问题本次再次出现）",
    "zero_enforcement": "零执法单位（上次有案卷、本次无案卷）",
    "previous_files": "上次问题案卷数",
    "latest_files": "本次问题案卷数",
    "previous_cases": "上次评查案卷数",
    "sheet_campaigns": "评查活动",
    "sheet_averages": "单位平均分",
    "sheet_type_averages": "分类型平均分",  # campaigns of several case types only
    "case_type": "案件类型",
    "sheet_grades": "等次构成",
    "sheet_problems": "主要问题",
    "sheet_categories": "类别扣分",
    "sheet_recurrence": "整改未到位",
    "sheet_zero": "零执法",
    "none": NONE_ZH,
}

# Placeholders (20XX, X号, ____) are left for the bureau to fill in; {names} are filled by the code.

DOC_ZH: dict[str, str] = {
    "organizer": "区司法局",
    "date_placeholder": "20XX年X月X日",
    "deadline_placeholder": "20XX年X月X日",
    "figure": "图{n}　{title}",
    "page_prefix": "— ",
    "page_suffix": " —",
    "score_vetoed": "0（原始得分{raw}）",
    "masthead_suffix": "文件",
    "doc_number": "{code}〔{year}〕{number}号",
    "code_placeholder": "X司发",
    "year_placeholder": "20XX",
    "number_placeholder": "X",
    "printed_on": "{date}印发",
    "copy_to": "抄送：",
    "attachment": "附件：",
    "attachment_heading": "附件",
    "contact": "（联系人：{name}；联系电话：{phone}）",
}

# Errors in campaign.yaml, one line each after `file:line: 字段:` (reports/campaign_file.py maps pydantic's
# error types to these keys).
CAMPAIGN_FILE_ZH: dict[str, str] = {
    "file": "文件",
    "yaml": "YAML",
    "not_mapping": "活动文件应为“字段: 值”的映射",
    "duplicate": "字段重复",
    "yaml_error": "YAML 格式错误（{detail}）",
    "unreadable": "无法读取活动文件（{detail}）",
    "invalid": "取值无效（{detail}）",
    "unknown_field": "未知字段",
    "missing": "缺少必填字段",
    "not_text": "应为文字",
    "empty": "不能为空",
    "not_int": "应为整数",
    "too_small": "不能小于{ge}",
    "too_large": "不能大于{le}",
    "not_date": "应为日期（如2025-07-08）",
    "date_with_time": "应为日期（如2025-07-08），不含时间",
    "not_list": "应为列表",
}

CIRCULAR_ZH: dict[str, str] = {
    "title": "关于{year}年度行政执法案卷评查情况的通报",
    "addressee": "各相关单位、各镇街：",
    "intro": "为全面落实行政执法责任制，持续提升行政执法规范化水平，根据{basis}，{organizer}组织开展了"
             "{campaign}。现将有关情况通报如下：",
    "campaign_default": "行政执法案卷评查",
    "h_scope": "一、评查范围和方法",
    "scope": "本次评查共涉及{units}个单位，评查行政执法案卷{files}卷。",
    "sampling": "评查案卷采取抽样方式确定，从{population}卷中抽取{drawn}卷，抽取比例{ratio}。",
    "sampling_list": "评查案卷按抽样清单确定。",
    "standard_default": "行政执法案卷评查标准",
    "method": "评查依据《{title}》逐卷逐项进行：基础标准（否决项）任一项不符即评为不合格，"
              "规范标准按项扣分，扣完为止。",
    "review_note": "评查人员对系统初评结论进行了复核，共调整评查结论{n}项。",
    "unreadable": "另有{n}个文件因格式不支持、文件损坏等原因未能读取，已在评查结果中逐一列明。",
    "h_results": "二、评查结果",
    "h_ranking": "（一）各单位评查得分排名",
    "ranking_intro": "各单位按所评查案卷的平均分排名，平均分相同的按总分排名，结果如下：",
    "h_grades": "（二）案卷等次分布",
    "grades_intro": "在已评分的{files}卷案卷中，",
    "grade_part": "{grade}{files}卷（占{share}）",
    "vetoed": "其中{n}卷因存在基础标准（否决项）问题评为不合格。",
    "h_charts": "（三）统计图",
    "h_problems": "三、存在的主要问题",
    "problems_intro": "评查发现的问题如下表，先列基础标准（否决项）问题，再按涉及案卷数和扣分列扣分问题：",
    "nature": "问题性质",
    "nature_veto": "否决项",
    "nature_item": "扣分项",
    "units_with_problem": "涉及单位数",
    "veto_points": "评为不合格",
    "h_veto_problems": "（{n}）基础标准（否决项）问题",
    "h_deduction_problems": "（{n}）扣分较多的问题",
    "problem_veto": "{n}．{item_name}。共{files}卷存在此类问题，涉及{units}个单位（{named}），相关案卷均评为不合格。",
    "problem_item": "{n}．{item_name}。共{files}卷存在此类问题，涉及{units}个单位（{named}），累计扣{points}分。",
    "units_more": "等",
    "requires": "依照{statute}，{rationale}。",
    "examples": "如{examples}。",
    "example_quote": "，原文为“{quote}”",
    "case_cited": "{unit}办理的{case_no}案",
    "case_unnumbered": "{unit}办理的当事人为{party}的案件（决定书未载明文号）",
    "party_unknown": "未载明",
    "no_case_no": "未载明文号",
    "attachment_files": "各单位案卷评查情况一览表",
    "no_problems": "本次评查未发现扣分问题。",
    "h_recurrence": "四、整改落实情况",
    "recurrence_intro": "对照{previous}评查结果，以下单位的同类问题在本次评查中再次出现，整改未到位：",
    "recurrence_none": "对照{previous}评查结果，未发现同一单位的同类问题在本次评查中再次出现。",
    "zero_enforcement": "以下单位在{previous}中有行政执法案卷参加评查，本次评查未报送案卷（零执法）：{units}。请上述单位书面说明情况。",
    "h_requirements": "{n}、整改要求",
    "req_1": "（一）认真对照整改。各单位要对照本通报指出的问题，逐卷逐项剖析原因，立行立改，并于{deadline}前将整改情况"
             "书面报送{organizer}。",
    "req_2": "（二）健全长效机制。各单位要严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，加强案卷制作和"
             "归档管理，定期开展案卷自查、互查，评查结果于每年6月30日前录入行政执法信息服务平台。",
    "req_3": "（三）加强培训指导。各单位要针对常见问题组织专题培训，提升执法人员的程序意识和文书制作水平，落实执法人员"
             "持证上岗制度。",
    "req_4": "（四）强化结果运用。评查结果纳入年度法治政府建设绩效考评；对问题突出、整改不力的单位，{organizer}将制发"
             "行政执法监督意见书，督促限期整改。",
}

LETTER_ZH: dict[str, str] = {
    "title": "行政执法监督意见书",
    "intro": "根据{basis}，{organizer}在{campaign}中对你单位的{files}卷行政执法案卷进行了评查。经评查，"
             "你单位有{flagged}卷案卷存在基础标准（否决项）问题或评查等次为不合格。现将有关问题和监督意见告知如下：",
    "h_files": "一、存在问题的案卷",
    "h_problems": "二、存在的问题及依据",
    "dossier": "（{n}）{case_no}（当事人：{party}；得分：{score}；等次：{grade}）",
    "dossier_typed": "（{n}）{case_no}（{type}；当事人：{party}；得分：{score}；等次：{grade}）",  # several standards
    "problem": "{n}．{item_name}{veto}。{message}",
    "veto_mark": "（否决项）",
    "quote": "原文摘录：“{quote}”{where}。",
    "basis": "依据：{statute}。",
    "no_statute": "见评查标准",
    "h_opinions": "三、监督意见",
    "req_1": "（一）请你单位对上述案卷逐一核查，对存在的问题依法予以纠正；能够补正的及时补正，不能补正的查明原因、"
             "明确责任。",
    "req_2": "（二）请你单位针对问题成因，完善执法程序和案卷管理制度，加强执法人员培训，防止同类问题再次发生。",
    "req_3": "（三）请你单位自收到本意见书之日起{days}日内完成整改，并将整改情况书面报送{organizer}。"
             "逾期未整改或整改不到位的，{organizer}将依法制发行政执法监督决定书。",
    "attachment_forms": "存在问题案卷的评查表（{n}份）",
}

# The printable 评查表 of one file (reports/review_form.py).
FORM_ZH: dict[str, str] = {
    "title": "行政执法案卷评查表",
    "field": "项目",
    "value": "内容",
    "evidence": "评查依据和证据",
    "quote": "原文摘录：“{quote}”{where}。",
    "total": "评查结论：得分{score}，等次{grade}；共{files}项不符合评查标准。",
    "reviewer": "评查人",
    "checker": "复核人",
    "sign": "{role}（签名）：＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
}

FILE_NAMES_ZH: dict[str, str] = {
    "circular": "通报.docx",
    "letters_dir": "监督意见书",
    "review_forms_dir": "评查表",  # one <unit>.docx per unit, one file per page (reports/review_form.py)  # one <unit>.docx per unit; LETTER_ZH["title"] is the document's full name
}

# Section numbers of a government document: 一、二、… (headings) and （一）（二）… (sub-headings).
CHINESE_NUMERALS = "一二三四五六七八九十"

PLATFORM_ZH: dict[str, str] = {"sheet": "评查结果"}

# unit_findings.csv and the scorecard's sheet of campaign-level findings (reports/unit_findings.py): the inspection
# frequency counted over each unit's register, never a file's deduction.
UNIT_FINDING_ZH: dict[str, str] = {
    "sheet": "单位层面核查",
    "unit": "单位",
    "check": "核查事项",
    "message": "核查结论",
    "party": "被检查对象",
    "credit_code": "统一社会信用代码",
    "period": "年度或日期",
    "count": "检查次数",
    "cap": "年度上限",
    "rows": "台账记录",
    "note": "以下为依据各单位检查台账的单位层面核查结果，不计入单个案卷得分。",
}
