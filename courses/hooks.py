"""Hooks the courses app calls, for its other parts to register in courses/wagtail_hooks.py.

- :data:`QUIZ_ANSWERED`: called as ``hook(request=, lesson=, quiz_id=, answers=, result=)`` when
  someone sends their answers to a quiz on a lesson page, after scoring and before the page is
  shown again with feedback (the progress tracker records the try). The page models call it, so
  they never import the progress code.
"""

QUIZ_ANSWERED = "homes_quiz_answered"
