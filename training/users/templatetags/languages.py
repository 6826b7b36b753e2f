from django import template

from training.users.languages import language_choices, language_chosen

register = template.Library()


@register.inclusion_tag("components/language_chooser.html", takes_context=True)
def language_chooser(context, prompt: bool = False) -> dict:
    """The header's language chooser; with ``prompt=True`` the first-visit prompt, shown only to
    visitors who have not chosen yet (anonymous, no language cookie)."""
    request = context.get("request")
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "languages": language_choices(),
        "prompt": prompt,
        "show": not prompt or (request is not None and not language_chosen(request)),
        "next": request.get_full_path() if request is not None else "/",
    }
