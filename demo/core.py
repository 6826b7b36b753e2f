"""The home page text and the footer pages: accessibility statement, privacy notice, contact."""

from wagtail.models import Locale, Page

from training.core.models import HomePage, SiteSettings, StandardPage

HOME_BODY = (
    "<h2>How it works</h2>"
    "<ol><li>Choose a short course. Most take less than an hour.</li>"
    "<li>Go through it at your own pace, at home or at a community centre.</li>"
    "<li>Tick off each lesson. We keep track of what you have learned.</li>"
    "<li>Use your new skills: join a group near you, or come to an event.</li></ol>"
    "<h2>Need a hand?</h2>"
    "<p>Digital Champions are friendly helpers at our community centres. They can help you "
    "make an account, even if you have no email address.</p>"
)

PAGES = [
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "summary": "We want everyone to be able to use this website.",
        "body": (
            "<p>You should be able to:</p>"
            "<ul><li>make the text bigger, up to twice the size, without losing anything</li>"
            "<li>use the whole site with a keyboard only</li>"
            "<li>use the site with a screen reader</li>"
            "<li>use it on a small phone screen</li>"
            "<li>use it with JavaScript turned off</li></ul>"
            "<h2>How we check</h2>"
            "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. "
            "An automatic checker tests every type of page each time we change the site.</p>"
            "<h2>Tell us about a problem</h2>"
            "<p>If something is hard to use, please tell us. Call us, email us, or tell a "
            "Digital Champion at your community centre. We will reply within 5 working days.</p>"
        ),
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "summary": "What we keep about you, why, and how to get it or delete it.",
        "body": (
            "<h2>What we keep</h2>"
            "<ul><li>Your name and email address, if you gave one.</li>"
            "<li>Your neighbourhood and community centre, if you chose them.</li>"
            "<li>The lessons you finished, and who helped you, if anyone did.</li></ul>"
            "<h2>Why we keep it</h2>"
            "<p>So you can pick up where you left off, and get a certificate. We also count "
            "how many people learn each skill. Those counts never show who you are.</p>"
            "<h2>Who can see it</h2>"
            "<p>You can. A Digital Champion at your centre can see your progress so they can "
            "help. Managers see numbers only, never names of small groups.</p>"
            "<h2>Your rights</h2>"
            "<p>You can ask for a copy of everything we hold about you, or ask us to delete "
            "it. We do not sell your data or share it for advertising.</p>"
        ),
    },
    {
        "slug": "contact",
        "title": "Contact us",
        "summary": "Call, email, or drop in to a community centre.",
        "body": (
            "<h2>Phone</h2><p>Call 0800 000 0000. It is free from mobiles and landlines. "
            "We answer from 9am to 5pm, Monday to Friday.</p>"
            "<h2>Email</h2><p>Write to learn@example.org. We reply within 2 working days.</p>"
            "<h2>In person</h2><p>Drop in to a community centre. A Digital Champion will help "
            "you. You can find opening times on the Community page.</p>"
        ),
    },
]


def demo_seed(*, stdout) -> None:
    home = HomePage.objects.get(locale=Locale.get_default())  # translations have their own
    home.body = HOME_BODY
    home.save_revision().publish()
    pages = {}
    for data in PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=data["slug"]).first()
        values = {"title": data["title"], "summary": data["summary"], "body": data["body"]}
        if page is None:
            page = StandardPage(slug=data["slug"], **values)
            home.add_child(instance=page)
        else:
            for field, value in values.items():
                setattr(page, field, value)
        page.save_revision().publish()
        pages[data["slug"]] = Page.objects.get(pk=page.pk)
    site_settings = SiteSettings.load()
    site_settings.accessibility_page = pages["accessibility"]
    site_settings.privacy_page = pages["privacy"]
    site_settings.contact_page = pages["contact"]
    site_settings.contact_phone = "0800 000 0000"
    site_settings.contact_email = "learn@example.org"
    site_settings.save()
    stdout.write("Pages: home, accessibility statement, privacy notice, contact.")
