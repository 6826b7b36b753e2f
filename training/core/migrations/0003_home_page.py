"""Replace Wagtail's welcome page with our home page, so a new site has a real front page."""

from django.db import migrations

INTRODUCTION = (
    "Free, short courses to help you get online: use a phone, stay safe, send an email, "
    "fill in a form. Learn at home, or at your community centre with a Digital Champion "
    "beside you."
)


def home_page_create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("core", "HomePage")
    Locale = apps.get_model("wagtailcore", "Locale")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="core")
    locale = Locale.objects.order_by("pk").first()
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Homes on the Net",
        draft_title="Homes on the Net",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        introduction=INTRODUCTION,
        call_to_action="See the courses",
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Homes on the Net",
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(home_page_create, migrations.RunPython.noop)]
