"""The Translations area of the Wagtail admin, for Course Editors and Managers.

Wagtail already requires admin access for every admin URL; these views also need
``translations.translate_content``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from translations.forms import OverviewFilterForm, PageTranslationStatusForm, TextTranslationForm
from translations.languages import translation_languages
from translations.models import TranslationStatus
from translations.registry import text_translatable_get
from translations.selectors import (
    STATE_LABELS,
    languages_for_overview,
    page_translation_overview,
    page_translation_status_for,
    text_object_state,
    text_translation_overview,
    text_translation_rows,
)
from translations.services import (
    page_translation_status_set,
    text_translation_delete,
    text_translation_set,
)

TRANSLATE_PERMISSION = "translations.translate_content"


def _permission_check(request: HttpRequest) -> None:
    if not request.user.has_perm(TRANSLATE_PERMISSION):
        raise PermissionDenied


def _language_names() -> dict[str, str]:
    return dict(translation_languages())


def overview(request: HttpRequest) -> HttpResponse:
    _permission_check(request)
    form = OverviewFilterForm(request.GET or None)
    language = status = ""
    if form.is_valid():
        language = form.cleaned_data["language"]
        status = form.cleaned_data["status"]
    languages = languages_for_overview(language)
    text_rows = [row for _obj, row in text_translation_overview(languages=languages)]
    page_rows = [row for _page, row in page_translation_overview(languages=languages)]
    if status:
        text_rows = [row for row in text_rows if any(c.state == status for c in row.cells)]
        page_rows = [row for row in page_rows if any(c.state == status for c in row.cells)]
    names = _language_names()
    title = _("Translations")
    return TemplateResponse(
        request,
        "translations/admin/overview.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "globe",
            "form": form,
            "languages": [(code, names[code]) for code in languages],
            "text_rows": text_rows,
            "page_rows": page_rows,
            "status": status,
        },
    )


def text_edit(request: HttpRequest, model: str, pk: int, language: str) -> HttpResponse:
    _permission_check(request)
    entry = text_translatable_get(model)
    names = _language_names()
    if entry is None or language not in names:
        raise Http404
    obj = get_object_or_404(entry.model, pk=pk)
    rows = text_translation_rows(obj=obj, language=language)
    initial = {name: row.text for name, row in rows.items()}
    statuses = {row.status for row in rows.values()}
    initial["status"] = (
        statuses.pop() if len(statuses) == 1 else TranslationStatus.IN_PROGRESS.value
    )
    if request.method == "POST":
        form = TextTranslationForm(request.POST, obj=obj, fields=entry.fields, initial=initial)
        if form.is_valid() and _text_save(form=form, obj=obj, language=language, user=request.user):
            messages.success(
                request,
                _("Saved the %(language)s translation of “%(name)s”.")
                % {"language": names[language], "name": obj},
            )
            return redirect("translations_admin:overview")
    else:
        form = TextTranslationForm(obj=obj, fields=entry.fields, initial=initial)
    state, translator = text_object_state(obj=obj, language=language)
    title = _("Translate into %(language)s") % {"language": names[language]}
    return TemplateResponse(
        request,
        "translations/admin/text_edit.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "globe",
            "obj": obj,
            "kind": str(obj._meta.verbose_name).capitalize(),
            "language": language,
            "language_name": names[language],
            "form": form,
            "state": state,
            "state_label": STATE_LABELS[state],
            "translator": translator,
        },
        status=400 if form.errors else 200,
    )


def _text_save(*, form: TextTranslationForm, obj, language: str, user) -> bool:
    """Store each field's text (an emptied field removes its translation). False, with the
    problems on the form, if the service refused any."""
    status = form.cleaned_data["status"]
    for name in form.translated_fields:
        text = form.cleaned_data.get(name, "")
        try:
            if text:
                text_translation_set(
                    obj=obj,
                    field=name,
                    language=language,
                    text=text,
                    translator=user,
                    status=status,
                )
            else:
                text_translation_delete(obj=obj, field=name, language=language, user=user)
        except ValidationError as error:
            form.add_error(name, error)
    return not form.errors


def page_status(request: HttpRequest, page_id: int) -> HttpResponse:
    _permission_check(request)
    from wagtail.models import Locale, Page

    page = get_object_or_404(Page.objects.select_related("locale"), pk=page_id)
    if page.locale_id == Locale.get_default().pk:
        raise Http404
    names = _language_names()
    state, record, english = page_translation_status_for(page=page)
    initial = {"status": record.status if record else TranslationStatus.IN_PROGRESS.value}
    if request.method == "POST":
        form = PageTranslationStatusForm(request.POST, initial=initial)
        if form.is_valid():
            page_translation_status_set(
                page=page, status=form.cleaned_data["status"], user=request.user
            )
            messages.success(request, _("Saved the status of “%(title)s”.") % {"title": page.title})
            return redirect("translations_admin:overview")
    else:
        form = PageTranslationStatusForm(initial=initial)
    language = page.locale.language_code
    title = _("Translated page")
    return TemplateResponse(
        request,
        "translations/admin/page_status.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "globe",
            "translated_page": page,
            "english": english,
            "language_name": names.get(language, language),
            "form": form,
            "state": state,
            "state_label": STATE_LABELS[state],
            "record": record,
        },
        status=400 if form.errors else 200,
    )
