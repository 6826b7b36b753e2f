"""The tenancy list in the Wagtail admin (Tenant voice → Tenancy list): import a file, see counts.

Only people with ``voice.import_tenancies`` (Managers) may open it; Wagtail already requires
admin access for every admin URL. The list itself is never shown: only how many tenancies it
holds, how many people it verifies, and the last imports.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from voice.forms import TenancyListForm
from voice.selectors import IMPORT_PERMISSION, tenancy_list_summary
from voice.services import TenancyImportError, tenancies_import

PROBLEMS_SHOWN = 50


def tenancy_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    posted = request.method == "POST"
    form = TenancyListForm(request.POST, request.FILES) if posted else TenancyListForm()
    problems: list[str] = []
    if posted and form.is_valid():
        try:
            result = tenancies_import(data=form.cleaned_data["file"].read(), by=request.user)
        except TenancyImportError as error:
            problems = error.problems
        else:
            messages.success(
                request,
                _(
                    "Imported %(rows)d tenancies: %(added)d new, %(changed)d changed, "
                    "%(ended)d ended."
                )
                % {
                    "rows": result.rows,
                    "added": result.added,
                    "changed": result.changed,
                    "ended": result.ended,
                },
            )
            return redirect("voice_admin:tenancy_list")
    title = _("Tenancy list")
    return TemplateResponse(
        request,
        "voice/admin/tenancy_list.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "list-ul",
            "form": form,
            "problems": problems[:PROBLEMS_SHOWN],
            "problems_more": max(len(problems) - PROBLEMS_SHOWN, 0),
            "summary": tenancy_list_summary(),
        },
    )
