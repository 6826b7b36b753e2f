from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form on the site is drawn by our templates: label, hint, error beside the field."""

    form_template_name = "components/forms/form.html"
    field_template_name = "components/forms/field.html"
