"""Seed the skills framework: the UK Essential Digital Skills framework (DfE, 2018, updated 2019).

Copied from shared/skills-framework.md. "framework" wording is the framework's own (Crown
copyright, Open Government Licence v3.0); "ours" is our wording for the same skill, written where
the framework's exact text was not available. Codes are stable: never reuse or renumber them.
"""

from django.db import migrations

FRAMEWORK = "framework"
SHORTENED = "framework_shortened"
OURS = "ours"

AREAS = [
    # code, name, description, is_foundation
    (
        "FND",
        "Foundation skills",
        "The basics everyone needs first: using a device, getting online and keeping "
        "passwords safe.",
        True,
    ),
    (
        "COM",
        "Communicating",
        "Keeping in touch: messages, email, video calls and sharing with people you choose.",
        False,
    ),
    (
        "HIC",
        "Handling information and content",
        "Finding things online, checking they are true, and keeping your files and photos.",
        False,
    ),
    (
        "TRN",
        "Transacting",
        "Doing things online: accounts, forms, payments and public services.",
        False,
    ),
    (
        "PRB",
        "Problem solving",
        "Using the internet to sort things out and to learn something new.",
        False,
    ),
    (
        "SAF",
        "Being safe and legal online",
        "Protecting yourself, your money and your data, and respecting other people online.",
        False,
    ),
]

SKILLS = [
    # code, statement, wording source
    ("FND-1", "I can turn on a device", FRAMEWORK),
    ("FND-2", "I can use the available controls on my device", FRAMEWORK),
    (
        "FND-3",
        "I can make use of accessibility tools on my device to make it easier to use",
        FRAMEWORK,
    ),
    ("FND-4", "I can interact with the home screen on my device", FRAMEWORK),
    (
        "FND-5",
        "I can understand that the internet allows me to access information and content and "
        "that I can connect to it through Wi-Fi",
        FRAMEWORK,
    ),
    ("FND-6", "I can connect my device to a safe and secure Wi-Fi network", FRAMEWORK),
    (
        "FND-7",
        "I can connect to the internet and open a browser to find and use websites",
        FRAMEWORK,
    ),
    (
        "FND-8",
        "I can understand that my passwords and personal information need to be kept safely "
        "as they have value to others",
        FRAMEWORK,
    ),
    ("FND-9", "I can update and change my password when prompted to do so", FRAMEWORK),
    (
        "COM-1",
        "I can send and reply to messages and emails, and open and send attachments",
        OURS,
    ),
    ("COM-2", "I can make a video call to family, friends or services", OURS),
    ("COM-3", "I can share photos and posts with people I choose", OURS),
    (
        "COM-4",
        "I can take part in online groups respectfully, knowing that what I post can stay online",
        OURS,
    ),
    ("HIC-1", "I can use a search engine to find information", OURS),
    (
        "HIC-2",
        "I can tell that not everything online is reliable, and check where information comes from",
        OURS,
    ),
    ("HIC-3", "I can save, organise and find again photos, files and web pages", OURS),
    ("HIC-4", "I can get to my information and content from different devices", OURS),
    (
        "TRN-1",
        "I can set up an account online, using appropriate websites or apps, that enables me "
        "to buy goods or services",
        FRAMEWORK,
    ),
    (
        "TRN-2",
        "I can access and use public services online, including filling in online forms",
        FRAMEWORK,
    ),
    (
        "TRN-3",
        "I can use different payment systems, such as credit/debit card, direct bank transfer, "
        "and phone accounts, to make payments for goods or services online",
        FRAMEWORK,
    ),
    (
        "TRN-4",
        "I can upload documents and photographs when this is required to complete an online "
        "transaction",
        FRAMEWORK,
    ),
    ("TRN-5", "I can manage my money and transactions online securely", OURS),
    ("PRB-1", "I can find information online that helps me solve a problem", OURS),
    (
        "PRB-2",
        "I can use help pages, frequently asked questions and online chat to get help",
        OURS,
    ),
    ("PRB-3", "I can use online tutorials and courses to learn something new", OURS),
    (
        "SAF-1",
        "I understand the risks and threats involved in carrying out activities online and "
        "the importance of working securely",
        FRAMEWORK,
    ),
    (
        "SAF-2",
        "I understand that viruses can damage my computer and that security software should be "
        "used to prevent this",
        FRAMEWORK,
    ),
    (
        "SAF-3",
        "I understand that my online activity produces a permanent record which could be "
        "accessed by others and used both now and in the future",
        FRAMEWORK,
    ),
    (
        "SAF-4",
        "I understand that others can capture and use my data and that I can protect and secure "
        "my personal data against such threats through privacy settings",
        FRAMEWORK,
    ),
    (
        "SAF-5",
        "I understand that I must not share other people's data online without their consent",
        FRAMEWORK,
    ),
    (
        "SAF-6",
        "I can respond to requests for authentication for my online accounts and email",
        FRAMEWORK,
    ),
    (
        "SAF-7",
        "I keep the information I use to access my online accounts secure, using different and "
        "secure passwords for websites and accounts",
        FRAMEWORK,
    ),
    ("SAF-8", "I can set privacy settings on my social media and other accounts", FRAMEWORK),
    (
        "SAF-9",
        "I can identify secure websites by looking for the padlock and https in the address bar",
        FRAMEWORK,
    ),
    (
        "SAF-10",
        "I can recognise suspicious links in email, websites, social media messages and pop ups "
        "and know that clicking on these links or downloading unfamiliar attachments could put "
        "me and my computer at risk",
        FRAMEWORK,
    ),
    (
        "SAF-11",
        "I understand why it is important to keep my computer systems and security software up "
        "to date and I allow them to be updated when prompted",
        FRAMEWORK,
    ),
    (
        "SAF-12",
        "I understand why I cannot take and use content that belongs to others without their "
        "permission, because online material is subject to copyright",
        SHORTENED,
    ),
    (
        "SAF-13",
        "I make sure that any information or content is backed up frequently by making a copy "
        "and storing it separately either in the cloud or on an external storage device",
        FRAMEWORK,
    ),
]


def skills_seed(apps, schema_editor):
    SkillArea = apps.get_model("courses", "SkillArea")
    Skill = apps.get_model("courses", "Skill")
    areas = {}
    for position, (code, name, description, is_foundation) in enumerate(AREAS, start=1):
        areas[code], _created = SkillArea.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "description": description,
                "is_foundation": is_foundation,
                "sort_order": position,
            },
        )
    for code, statement, source in SKILLS:
        area_code, number = code.split("-")
        Skill.objects.update_or_create(
            code=code,
            defaults={
                "area": areas[area_code],
                "statement": statement,
                "wording_source": source,
                "sort_order": int(number),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(skills_seed, migrations.RunPython.noop)]
