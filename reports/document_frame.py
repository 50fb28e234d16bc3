"""What every 公文 of a run shares around its content: the 版头 from the campaign file (发文机关标志, 文号),
and at the end the 附件说明, 落款 with the seal's place, and the 版记 (抄送, 印发). The campaign file is the
one run.json recorded (reports/campaign_file.py); without one the placeholders stay for the bureau."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reports.campaign_file import CampaignFile, campaign_of
from reports.document_text import campaign_year_of
from reports.glossary import DOC_ZH
from reports.govdoc import GovDoc
from reports.loading import RunData


def campaign_and_year(data: RunData) -> tuple[CampaignFile, int | None]:
    """The run's campaign settings, and its year: run.json campaign_year (--year or the file), else the
    year the run started."""
    return campaign_of(data.run.raw), campaign_year_of(data)


def open_document(mask: Callable[[str], str], campaign: CampaignFile, number: str) -> GovDoc:
    """A GovDoc with its 版头: the campaign's 发文机关标志, the 文号 and the red line."""
    doc = GovDoc(mask=mask)
    doc.head(campaign.masthead_text(), number)
    return doc


def close_document(doc: GovDoc, campaign: CampaignFile, attachments: Sequence[str] = ()) -> None:
    """附件说明 and 联系人, then the 落款 (organiser, 成文日期, seal)."""
    contact = (DOC_ZH["contact"].format(name=campaign.contact.name, phone=campaign.contact.phone)
               if campaign.contact else "")
    doc.attachments(list(attachments), contact, DOC_ZH["attachment"])
    doc.signature(campaign.organizer, campaign.signed_text())


def imprint(doc: GovDoc, campaign: CampaignFile) -> None:
    """The 版记 at the foot of the last page (after any attachment)."""
    doc.imprint(campaign.copy_to, campaign.printed_by or campaign.organizer, campaign.printed_text(),
                DOC_ZH["copy_to"])
