"""`make docs-images`: the first page of a 通报, a 监督意见书 and a 评查表 as PNGs in docs/images/, for the README.

Drawn from the test suite's fake 2025 campaign with samples/campaign.example.yaml, converted by LibreOffice with
.ci/fonts.conf and rasterised by pdftoppm (poppler-utils) at a resolution that keeps each image under 200 KB.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
LIMIT = 200_000


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from reports.campaign_file import load_campaign_file
    from reports.charts import render_campaign_charts
    from reports.circular import write_circular
    from reports.letters import write_supervision_letters
    from reports.loading import load_run
    from reports.review_form import write_review_forms
    from tests.reports.fake_history import SHIJIAN, make_campaigns

    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("make docs-images needs LibreOffice (soffice) and pdftoppm (poppler-utils): see .ci/run", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="pingcha-docs-") as tmp:
        out = make_campaigns(Path(tmp))[2025]
        run = json.loads((out / "run.json").read_text(encoding="utf-8"))
        run["campaign_file"] = load_campaign_file(ROOT / "samples" / "campaign.example.yaml").model_dump(mode="json")
        (out / "run.json").write_text(json.dumps(run, ensure_ascii=False), encoding="utf-8")
        render_campaign_charts(load_run(out), out)
        documents = {
            "circular": write_circular(out, out / "通报.docx"),
            "letter": next(p for p in write_supervision_letters(out, out / "letters") if p.stem == SHIJIAN),
            "review_form": next(p for p in write_review_forms(out) if p.stem == SHIJIAN),
        }
        env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / ".ci" / "fonts.conf")}
        IMAGES.mkdir(parents=True, exist_ok=True)
        for name, docx in documents.items():
            pdf_dir = Path(tmp) / name
            subprocess.run([soffice, f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(pdf_dir), str(docx)], check=True,
                           capture_output=True, env=env)
            pdf = pdf_dir / (docx.stem + ".pdf")
            pages = ["1", "last"] if name == "circular" else ["1"]
            for page in pages:
                number = "1" if page == "1" else str(_page_count(pdf))
                target = IMAGES / f"{name}{'' if page == '1' else '-last'}"
                for dpi in (60, 50, 40):
                    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", number, "-l", number,
                                    "-singlefile", str(pdf), str(target)], check=True)
                    if target.with_suffix(".png").stat().st_size < LIMIT:
                        break
                print(f"{target.with_suffix('.png').relative_to(ROOT)}: "
                      f"{target.with_suffix('.png').stat().st_size // 1000} KB")
    return 0


def _page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


if __name__ == "__main__":
    sys.exit(main())
