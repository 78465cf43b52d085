"""manage.py import_data KIND FILE [--profile NAME] [--dry-run] [--source TEXT] [--user NAME] [--max-mb N]

KIND is an import kind an installed app declares (core/imports/kinds.py): patent, trademark, enterprise …"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import override

from zhichan.core.commands import ActingCommand
from zhichan.core.imports.kinds import all_kinds
from zhichan.core.imports.running import run_import
from zhichan.core.imports.workbooks import rejections_workbook
from zhichan.core.models import ImportBatch, ImportState


class Command(ActingCommand):
    help = "Import a CSV or Excel file into the records of an import kind (patent, trademark, enterprise …)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[kind.name for kind in all_kinds()])
        parser.add_argument("file")
        parser.add_argument("--profile", default="", help="mapping profile name (default: detected from the headers)")
        parser.add_argument("--dry-run", action="store_true", help="validate and count, change nothing")
        parser.add_argument("--source", default="", help="where the file comes from, stored on every record")
        parser.add_argument(
            "--max-mb", type=int, default=None, help="refuse larger files (default ZHICHAN_IMPORT_MAX_MB)"
        )
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="language of the messages")

    def handle(self, *args, kind, file, profile, dry_run, source, max_mb, language, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        batch = ImportBatch.objects.create(
            kind=kind,
            user=self.acting_user,  # --user: who the batch and the records' history name
            file_name=path.name[:255],
            profile=profile,
            dry_run=dry_run,
            source=source,
            language=language,
        )
        limit = max_mb * 1024 * 1024 if max_mb is not None else None
        started = time.monotonic()
        with override(language):
            batch = run_import(batch, path, progress=self._progress, limit=limit)
            self.stderr.write("")
            if batch.state == ImportState.FAILED:
                raise CommandError(batch.message)
            self.stdout.write(batch.message)
            self.stdout.write(
                _("Batch %(id)d, profile %(profile)s, %(seconds).1f s.")
                % {"id": batch.pk, "profile": batch.profile, "seconds": time.monotonic() - started}
            )
            if batch.rejected_count:
                report = Path(settings.VAR_DIR) / "imports" / f"batch-{batch.pk}-rejected.xlsx"
                report.parent.mkdir(parents=True, exist_ok=True)
                report.write_bytes(rejections_workbook(batch, path))
                self.stdout.write(_("Rejected rows: %(path)s") % {"path": report})

    def _progress(self, done, total, message=""):
        self.stderr.write(f"\r{message[:60]:<60}", ending="")
