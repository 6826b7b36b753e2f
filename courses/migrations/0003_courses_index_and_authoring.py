"""Create the courses index page at /courses/ and set up who may author courses.

- The courses index, a child of the home page (made by core 0003), with the slug "courses".
- Page permissions on it and everything below: Course Editors may add, change, publish and lock;
  Digital Champions may add and change (draft) but not publish.
- The workflow "Review by a Course Editor": one group approval task for the Course Editor group,
  assigned to the courses index, so a champion's "Submit for review" reaches an editor.
- Image and document permissions on the root collection (Wagtail checks those per collection,
  not the model permissions): editors add, change and choose; champions add and choose images.

Safe to run again: everything is looked up before it is created.
"""

from django.db import migrations
from django.utils import timezone

COURSE_EDITOR = "Course Editor"
DIGITAL_CHAMPION = "Digital Champion"
WORKFLOW_NAME = "Review by a Course Editor"
TASK_NAME = "Course Editor review"

PAGE_PERMISSIONS = {
    COURSE_EDITOR: ["add_page", "change_page", "publish_page", "lock_page"],
    DIGITAL_CHAMPION: ["add_page", "change_page"],
}
COLLECTION_PERMISSIONS = {
    COURSE_EDITOR: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
    ],
    DIGITAL_CHAMPION: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
    ],
}

INTRODUCTION = (
    "Short, free courses in plain English. Do them at home, or at a community centre with a "
    "Digital Champion beside you. Choose a skill area or a level to find the right one."
)
TREE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _path_next(last_child_path: str | None, parent_path: str) -> str:
    if last_child_path is None:
        return parent_path + "0001"
    step = last_child_path[-STEPLEN:]
    number = 0
    for char in step:
        number = number * len(TREE_ALPHABET) + TREE_ALPHABET.index(char)
    number += 1
    digits = ""
    for _position in range(STEPLEN):
        number, remainder = divmod(number, len(TREE_ALPHABET))
        digits = TREE_ALPHABET[remainder] + digits
    return last_child_path[:-STEPLEN] + digits


def courses_index_create(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("core", "HomePage")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")

    existing = CourseIndexPage.objects.order_by("path").first()
    if existing is not None:
        return existing
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return None
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    if children.filter(slug="courses").exists():
        # Something else already lives at /courses/: leave it for a person to sort out.
        return None
    last_child = children.order_by("-path").first()
    index_type, _created = ContentType.objects.get_or_create(
        app_label="courses", model="courseindexpage"
    )
    now = timezone.now()
    index = CourseIndexPage.objects.create(
        title="Courses",
        draft_title="Courses",
        slug="courses",
        content_type=index_type,
        path=_path_next(last_child.path if last_child else None, home.path),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}courses/",
        locale_id=home.locale_id,
        introduction=INTRODUCTION,
        search_description="Short, free courses to help you get online, in plain English.",
        show_in_menus=True,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count())
    return index


def authoring_setup(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}
    index = courses_index_create(apps)

    if index is not None:
        page_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="page"
        )
        for group_name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                permission, _created = Permission.objects.get_or_create(
                    content_type=page_type,
                    codename=codename,
                    defaults={"name": f"Can {codename.replace('_', ' ')}"},
                )
                GroupPagePermission.objects.get_or_create(
                    group=groups[group_name], page_id=index.pk, permission=permission
                )

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(groups[COURSE_EDITOR])
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if index is not None:
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})

    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for group_name, wanted in COLLECTION_PERMISSIONS.items():
            for app_label, model, codename in wanted:
                permission = Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                ).first()
                if permission is None:
                    content_type, _created = ContentType.objects.get_or_create(
                        app_label=app_label, model=model
                    )
                    permission = Permission.objects.create(
                        content_type=content_type,
                        codename=codename,
                        name=f"Can {codename.replace('_', ' ')}",
                    )
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[group_name], collection=root_collection, permission=permission
                )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_skills_framework"),
        ("core", "0003_home_page"),
        ("users", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(authoring_setup, migrations.RunPython.noop)]
