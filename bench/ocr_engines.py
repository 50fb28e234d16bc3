"""Measure the offline OCR engines on generated scans of 行政处罚决定书 pages.

    .venv/bin/python -m bench.ocr_engines [--pages 2] [--dpi 150 200 300] [--engines rapidocr tesseract]
    .venv/bin/python -m bench.ocr_engines --dpi 200 --engines rapidocr:openvino rapidocr:onnxruntime --throughput 2

Pages are rendered with SimHei (mplfonts) at 200 dpi A4, with slight noise, blur and rotation (≤0.5°), saved
as JPEG images in image-only PDFs, then rendered back with pypdfium2 at each dpi and recognised through
`ingest.ocr` (the same line merging and post-processing the pipeline uses). Reported per engine × dpi:
character accuracy (1 − edit distance / length, whitespace removed), the share of key values (case number,
credit code, party, dates, amounts, provision) found exactly, and seconds per sparse and per dense page.
Only engines importable in the running interpreter are measured; tesseract needs the Debian packages
tesseract-ocr and tesseract-ocr-chi-sim. `rapidocr:openvino` / `rapidocr:onnxruntime` pin the inference
backend of rapidocr 3.x; plain `rapidocr` takes the pipeline's choice (ingest/ocr_engines/rapid.py).
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

FONT = Path(sys.prefix) / "lib" / "python3.11" / "site-packages" / "mplfonts" / "fonts" / "SimHei.ttf"
SCAN_DPI = 200
A4_MM = (210, 297)


def font_path() -> Path:
    """SimHei from the installed mplfonts package (or the repository's .venv, for a side virtualenv)."""
    repo_venv = Path(__file__).resolve().parent.parent / ".venv" / FONT.relative_to(sys.prefix)
    for path in (FONT, repo_venv):
        if path.exists():
            return path
    import mplfonts

    return Path(mplfonts.__file__).parent / "fonts" / "SimHei.ttf"


# ----------------------------------------------------------------------------------------------------
# Page content
# ----------------------------------------------------------------------------------------------------


def credit_code(rng: random.Random) -> str:
    """A valid 统一社会信用代码 (GB 32100 check character), made as the sample generator makes them."""
    from samplegen.ids import make_credit_code

    return make_credit_code(rng, "110105")


def upper_amount(n: int) -> str:
    """50000 → 伍万元 (the generator's 大写 writer, without its trailing 整)."""
    from decimal import Decimal

    from samplegen.styles import upper_amount as generator_upper

    return generator_upper(Decimal(n)).removesuffix("整")


PARTIES = ["北京鑫源餐饮管理有限公司", "北京华联超市有限公司朝阳分店", "北京德润食品销售有限公司",
           "北京市朝阳区福满楼饭庄", "北京康泰医药连锁有限公司", "北京明辉商贸有限责任公司"]  # fmt: skip
AGENCIES = [("北京市朝阳区市场监督管理局", "京朝市监罚决字"), ("北京市海淀区市场监督管理局", "京海市监罚决字"),
            ("北京市丰台区市场监督管理局", "京丰市监罚决字")]  # fmt: skip
PEOPLE = ["张明华", "李建国", "王秀英", "刘志强", "陈丽娟", "赵永刚"]


@dataclass
class PageSpec:
    """One page: lines (text, point size, align) and the key values a reader must get exactly."""

    lines: list[tuple[str, float, str]]
    keys: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join("".join(t.split()) for t, _, _ in self.lines)


def decision_values(rng: random.Random) -> dict[str, str]:
    agency, code = rng.choice(AGENCIES)
    year = rng.choice([2023, 2024, 2025])
    fine = rng.choice([5000, 10000, 20000, 32000, 50000, 80000, 150000])
    gains = rng.choice([860, 1200, 3200, 4580])
    m1, d1 = rng.randint(1, 4), rng.randint(1, 28)
    m2, d2 = m1 + rng.randint(5, 7), rng.randint(1, 28)
    return {
        "agency": agency,
        "case_no": f"{code}〔{year}〕{rng.randint(1, 980)}号",
        "party": rng.choice(PARTIES),
        "credit_code": credit_code(rng),
        "legal_rep": rng.choice(PEOPLE),
        "check_date": f"{year}年{m1}月{d1}日",
        "decision_date": f"{year}年{m2}月{d2}日",
        "fine_upper": upper_amount(fine),
        "fine_figures": f"{fine}元",
        "gains": f"{gains}元",
        "basis": "《中华人民共和国食品安全法》第一百二十四条第一款第（一）项",
        "address": f"北京市朝阳区建国路{rng.randint(1, 199)}号院{rng.randint(1, 9)}号楼{rng.randint(1, 3)}层{rng.randint(101, 120)}",
    }


def dense_page(rng: random.Random) -> PageSpec:
    """First page of a decision: title block, party block and a long body in 小四 (12 pt)."""
    v = decision_values(rng)
    body = [
        f"当事人：{v['party']}",
        f"统一社会信用代码：{v['credit_code']}",
        f"住所：{v['address']}",
        f"法定代表人：{v['legal_rep']}",
        f"{v['check_date']}，本局执法人员依法对当事人的经营场所进行现场检查，发现当事人仓库内存放的标称某某食品有限公司生产的"
        "速冻水饺共计一百二十袋已超过保质期，当事人未能提供该批食品的进货查验记录。本局于当日经负责人批准对上述食品"
        "予以扣押，并于次日立案调查。",
        "经查，当事人自购进上述食品后，未按照规定定期检查库存食品，未及时清理变质或者超过保质期的食品，截至检查之日"
        f"已销售同批次食品四十袋，违法所得{v['gains']}。以上事实有现场检查笔录、询问笔录、进货单据、销售记录、"
        "照片等证据为证。",
        "当事人经营超过保质期的食品的行为，违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定，"
        f"依据{v['basis']}的规定，本局于{v['check_date']}后依法向当事人送达了行政处罚事先告知书，告知当事人拟作出"
        "行政处罚的事实、理由、依据及依法享有的陈述、申辩和要求听证的权利。当事人在法定期限内未提出陈述、申辩，"
        "也未要求听证。",
        "本局认为，当事人违法经营的食品货值金额不足一万元，且积极配合调查，如实陈述违法事实并主动提供证据材料，"
        "依照《北京市市场监督管理局行政处罚裁量基准》的规定，属于一般违法情形，可以在法定幅度内从轻处罚。当事人已对"
        "涉案食品予以全部召回并作销毁处理，已制定库存食品定期检查制度，在本局作出处罚决定前已改正违法行为。",
        "综上，本局决定对当事人作出如下行政处罚：",
        f"一、没收违法所得人民币{v['gains']}；",
        f"二、罚款人民币{v['fine_upper']}（{v['fine_figures']}）。",
        "当事人应当自收到本决定书之日起十五日内，持本决定书到指定银行缴纳罚没款。到期不缴纳罚款的，本局可以每日按"
        "罚款数额的百分之三加处罚款。",
        "当事人如不服本处罚决定，可以在收到本决定书之日起六十日内向北京市朝阳区人民政府申请行政复议，也可以在六个月内"
        "依法向北京市朝阳区人民法院提起行政诉讼。",
    ]
    lines: list[tuple[str, float, str]] = [(v["agency"], 20, "center"), ("行政处罚决定书", 20, "center"),
                                           (v["case_no"], 14, "right")]  # fmt: skip
    for para in body:
        lines.extend((part, 12, "left") for part in wrap(para, 12, indent=not para.startswith(("当事人：", "统一", "住所", "法定"))))
    lines += [(v["agency"], 12, "right"), (v["decision_date"], 12, "right")]
    keys = {k: v[k] for k in ("case_no", "party", "credit_code", "check_date", "decision_date", "fine_upper",
                              "fine_figures", "basis")}  # fmt: skip
    return PageSpec(lines, keys)


def sparse_page(rng: random.Random) -> PageSpec:
    """Last page of a decision or a 送达回证: a few lines in 三号 (16 pt)."""
    v = decision_values(rng)
    lines = [
        ("送达回证", 20, "center"),
        (f"送达文书：行政处罚决定书（{v['case_no']}）", 16, "left"),
        (f"受送达人：{v['party']}", 16, "left"),
        (f"统一社会信用代码：{v['credit_code']}", 16, "left"),
        (f"罚款金额：{v['fine_upper']}（{v['fine_figures']}）", 16, "left"),
        (f"送达日期：{v['decision_date']}", 16, "left"),
        ("送达方式：直接送达", 16, "left"),
        (v["agency"], 16, "right"),
    ]
    keys = {k: v[k] for k in ("case_no", "party", "credit_code", "decision_date", "fine_upper", "fine_figures")}
    return PageSpec(lines, keys)


# ----------------------------------------------------------------------------------------------------
# Rendering: page spec -> noisy 200 dpi scan -> image-only PDF
# ----------------------------------------------------------------------------------------------------

MARGIN_MM = (28, 25)  # left/right, top


def _px(mm: float, dpi: int) -> int:
    return round(mm / 25.4 * dpi)


def wrap(text: str, size_pt: float, indent: bool = True, dpi: int = SCAN_DPI) -> list[str]:
    """Split a paragraph into lines that fit the text width (CJK text breaks anywhere)."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(font_path()), round(size_pt / 72 * dpi))
    width = _px(A4_MM[0] - 2 * MARGIN_MM[0], dpi)
    lines, current = [], "\u3000\u3000" if indent else ""
    for ch in text:
        if font.getlength(current + ch) > width and ch not in "，。；：、）》”":  # no line starts with these
            lines.append(current)
            current = ""
        current += ch
    if current:
        lines.append(current)
    return lines


def render(spec: PageSpec, *, seed: int = 0, dpi: int = SCAN_DPI, degrade: bool = False):
    """The page as a grey scan: off-white paper, noise, slight blur and a rotation of at most 0.5°."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    w, h = _px(A4_MM[0], dpi), _px(A4_MM[1], dpi)
    page = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(page)
    y = _px(MARGIN_MM[1], dpi)
    left, right = _px(MARGIN_MM[0], dpi), w - _px(MARGIN_MM[0], dpi)
    for text, size, align in spec.lines:
        font = ImageFont.truetype(str(font_path()), round(size / 72 * dpi))
        length = font.getlength(text)
        x = {"left": left, "center": (w - length) / 2, "right": right - length}[align]
        draw.text((x, y), text, font=font, fill=rng.randint(10, 50))
        y += round(size / 72 * dpi * (1.9 if size >= 16 else 1.5))
    page = page.rotate(rng.uniform(-0.5, 0.5), resample=Image.Resampling.BICUBIC, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(2.2 if degrade else 0.6))
    arr = np.asarray(page, dtype=np.float32)
    nprng = np.random.default_rng(seed)
    if degrade:
        arr = 150 + arr * 0.4  # washed-out toner
    arr = arr * 0.94 + 8 + nprng.normal(0, 45 if degrade else 10, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def image_pdf(images, path: Path, dpi: int = SCAN_DPI) -> Path:
    """Images → an image-only PDF (JPEG inside, no text layer), A4 at `dpi`, as scanners write them."""
    first, *rest = images
    first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest, quality=80)
    return path


# ----------------------------------------------------------------------------------------------------
# Tesseract (Debian tesseract-ocr + tesseract-ocr-chi-sim), measured for comparison only
# ----------------------------------------------------------------------------------------------------


class TesseractEngine:
    """The tesseract CLI with TSV output: one box per recognised word, confidence 0–100 → [0, 1]."""

    name = "tesseract"
    dpi = SCAN_DPI  # set by `measure` to the rendering dpi

    def __init__(self) -> None:
        if not shutil.which("tesseract"):
            raise ImportError("tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")

    def recognize(self, image):
        from ingest.ocr_engines import RawBox

        buf = io.BytesIO()
        image.convert("L").save(buf, "PNG")
        dpi = str(self.dpi)
        out = subprocess.run(["tesseract", "stdin", "stdout", "-l", "chi_sim", "--dpi", dpi, "--psm", "3",
                              "-c", "preserve_interword_spaces=1", "tsv"], input=buf.getvalue(),
                             capture_output=True, check=True).stdout.decode()  # fmt: skip
        boxes = []
        for row in out.splitlines()[1:]:
            cols = row.split("\t")
            if len(cols) < 12 or not cols[11].strip() or float(cols[10]) < 0:
                continue
            x, y, bw, bh = (float(c) for c in cols[6:10])
            boxes.append(RawBox(cols[11].strip(), float(cols[10]) / 100, x, y, x + bw, y + bh))
        return boxes


# ----------------------------------------------------------------------------------------------------
# Metrics
# ----------------------------------------------------------------------------------------------------


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, row by row (pages are ~1,500 characters: under a second)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def char_accuracy(truth: str, got: str) -> float:
    truth, got = "".join(truth.split()), "".join(got.split())
    return max(0.0, 1 - edit_distance(truth, got) / max(1, len(truth)))


@dataclass
class Row:
    engine: str
    dpi: int
    kind: str
    pages: int = 0
    seconds: float = 0.0
    cpu: float = 0.0  # process CPU seconds, all threads: robust to other load on a shared machine
    acc_sum: float = 0.0
    keys_ok: int = 0
    keys_total: int = 0
    conf_sum: float = 0.0
    misses: list[str] = field(default_factory=list)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the tesseract CLI)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(engine, specs: dict[str, list[PageSpec]], pdfs: dict[str, Path], dpi: int) -> list[Row]:
    from ingest import ocr

    rows = []
    if isinstance(engine, TesseractEngine):
        engine.dpi = dpi
    label = engine.name + (f":{engine.backend}" if getattr(engine, "backend", None) else "")
    for kind, pages in specs.items():
        row = Row(label, dpi, kind)
        for number, spec in enumerate(pages, 1):
            t0, c0 = time.perf_counter(), _cpu()
            (page,) = ocr.ocr_pdf_pages(pdfs[kind], [number], dpi=dpi, engine=engine)
            row.seconds += time.perf_counter() - t0
            row.cpu += _cpu() - c0
            got = "".join(line.text for line in page.lines)
            compact = "".join(got.split())
            row.pages += 1
            row.acc_sum += char_accuracy(spec.text, got)
            row.conf_sum += page.mean_confidence or 0.0
            for name, value in spec.keys.items():
                row.keys_total += 1
                if "".join(value.split()) in compact:
                    row.keys_ok += 1
                else:
                    row.misses.append(f"{name}={value}")
        rows.append(row)
    return rows


def _dense_worker(job: tuple[str, int, int]) -> float:
    """OCR one page in a worker; its CPU seconds (this process, every thread)."""
    from ingest import ocr

    path, page, dpi = job
    c0 = time.process_time()
    ocr.ocr_pdf_pages(Path(path), [page], dpi=dpi)
    return time.process_time() - c0


def _init_worker(backend: str | None) -> None:
    import os

    os.environ["PINGCHA_OCR_THREADS"] = "1"
    if backend:
        os.environ["PINGCHA_OCR_BACKEND"] = backend
    from ingest import ocr

    ocr.ocr_available()  # load the models before the clock starts


def throughput(
    pdf: Path, n_pages: int, procs: int, dpi: int, backend: str | None = None
) -> tuple[int, float, float]:
    """Dense pages, wall seconds and CPU seconds per page with `procs` OCR processes of one thread each."""
    from concurrent.futures import ProcessPoolExecutor

    jobs = [(str(pdf), 1 + i % n_pages, dpi) for i in range(2 * max(procs, n_pages))]
    with ProcessPoolExecutor(procs, initializer=_init_worker, initargs=(backend,)) as pool:
        list(pool.map(_dense_worker, [(str(pdf), 1, 100)] * procs))  # warm up every worker
        t0 = time.perf_counter()
        cpu = sum(pool.map(_dense_worker, jobs))
        return len(jobs), time.perf_counter() - t0, cpu / len(jobs)


def make_engine(name: str):
    """`tesseract`, `rapidocr_onnxruntime`, `rapidocr` or `rapidocr:BACKEND` (openvino, onnxruntime)."""
    if name == "tesseract":
        return TesseractEngine()
    from ingest.ocr_engines.rapid import RapidEngine

    flavour, _, backend = name.partition(":")
    return RapidEngine(flavour, backend=backend or None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2, help="pages of each kind (sparse, dense)")
    parser.add_argument("--dpi", type=int, nargs="+", default=[150, 200, 300])
    parser.add_argument("--engines", nargs="+", default=["rapidocr", "rapidocr_onnxruntime", "tesseract"])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--throughput", type=int, nargs="*", default=[], metavar="PROCS",
                        help="also run dense pages in this many processes of one thread each (rapidocr; "
                             "with the backend of the first rapidocr:BACKEND in --engines)")
    args = parser.parse_args(argv)

    rng = random.Random(20250305)
    specs = {"sparse": [sparse_page(rng) for _ in range(args.pages)],
             "dense": [dense_page(rng) for _ in range(args.pages)]}  # fmt: skip
    tmp = Path(tempfile.mkdtemp(prefix="ocr-bench-"))
    pdfs = {kind: image_pdf([render(s, seed=i) for i, s in enumerate(pages)], tmp / f"{kind}.pdf")
            for kind, pages in specs.items()}  # fmt: skip
    chars = {kind: sum(len(s.text) for s in pages) / len(pages) for kind, pages in specs.items()}
    print(f"pages per kind: {args.pages}; characters per page: sparse {chars['sparse']:.0f}, dense {chars['dense']:.0f}")

    from ingest import ocr

    rows: list[Row] = []
    for name in args.engines:
        try:  # an engine whose packages are not installed (rapidocr, onnxruntime, openvino) is skipped
            t0 = time.perf_counter()
            engine = make_engine(name)
            ocr.ocr_pdf_pages(pdfs["sparse"], [1], dpi=100, engine=engine)  # rapidocr 3 loads models on first use
            print(f"{name}: loaded and warmed up in {time.perf_counter() - t0:.1f} s")
        except ImportError as exc:
            print(f"{name}: not available ({exc})")
            continue
        except Exception as exc:  # an engine that loads but fails on a page
            print(f"{name}: failed ({type(exc).__name__}: {exc})")
            continue
        for dpi in args.dpi:
            rows.extend(measure(engine, specs, pdfs, dpi))

    print()
    print("| engine | dpi | page | char accuracy | key fields exact | mean confidence | s/page | CPU s/page |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r.engine} | {r.dpi} | {r.kind} | {r.acc_sum / r.pages:.4f} | {r.keys_ok}/{r.keys_total} "
              f"({r.keys_ok / max(1, r.keys_total):.0%}) | {r.conf_sum / r.pages:.3f} | {r.seconds / r.pages:.2f} | {r.cpu / r.pages:.2f} |")  # fmt: skip
    backend = next((e.partition(":")[2] for e in args.engines if e.startswith("rapidocr:")), None)
    for procs in args.throughput:
        pages, seconds, cpu = throughput(pdfs["dense"], len(specs["dense"]), procs, args.dpi[0], backend)
        print(f"throughput ({backend or 'default backend'}): {procs} process(es) × 1 thread, {pages} dense pages "
              f"at {args.dpi[0]} dpi: {pages / seconds:.2f} pages/s ({seconds / pages:.2f} s/page, "
              f"{cpu:.2f} CPU-s/page)")  # fmt: skip
    if args.show_misses:
        for r in rows:
            if r.misses:
                print(f"{r.engine} {r.dpi} {r.kind}: missed {'; '.join(r.misses)}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
