"""``{% estate_check_results neighbourhood %}``: the results of the neighbourhood's latest closed
estate check, for its page (four queries, whatever the number of answers)."""

from django import template
from django.utils import timezone

from voice.selectors import RESULTS_MIN_ANSWERS, estate_check_results

register = template.Library()


@register.inclusion_tag("voice/includes/estate_check_results.html")
def estate_check_results_for(neighbourhood) -> dict:
    return {
        "results": estate_check_results(neighbourhood=neighbourhood, today=timezone.localdate()),
        "minimum": RESULTS_MIN_ANSWERS,
    }
