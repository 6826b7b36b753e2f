"""The dashboard's part in deleting an account: the learner's share of the fact tables goes
first (``training.users.hooks.ACCOUNT_DELETE``, called just before the account is deleted).

No signals: every writer of completions, finished courses, skills and a learner's place calls
:mod:`dashboards.facts` itself (see its docstring).
"""

from wagtail import hooks

from dashboards.facts import learner_facts_forget
from training.users.hooks import ACCOUNT_DELETE


@hooks.register(ACCOUNT_DELETE, order=31)  # after the dashboard's exports (30)
def learner_facts_account_delete(*, person) -> None:
    learner_facts_forget(learner_id=person.pk)
