from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from zhichan.documents.files import attachment as content_disposition

from ..access import allow
from ..models import Attachment
from ..roles import SIGNED_IN


@require_safe
@allow(SIGNED_IN, scope=Attachment)
def attachment_download(request, pk):
    """A file attached to a record, for those who may read the record (404 for anyone else)."""
    attachment = get_object_or_404(Attachment.objects.visible_to(request.user), pk=pk)
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition(attachment.name)
    response["X-Content-Type-Options"] = "nosniff"  # the browser keeps the type checked on upload
    return response
