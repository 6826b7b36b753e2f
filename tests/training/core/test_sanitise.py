from training.core.sanitise import html_clean, text_to_plain


def test_script_and_event_handlers_are_removed():
    cleaned = html_clean('<p onclick="steal()">Hi<script>alert(1)</script></p>')
    assert cleaned == "<p>Hi</p>"


def test_javascript_links_lose_their_address_and_safe_links_gain_rel():
    assert "javascript" not in html_clean('<a href="javascript:alert(1)">x</a>')
    safe = html_clean('<a href="https://example.org">ok</a>')
    assert 'href="https://example.org"' in safe
    assert "nofollow" in safe


def test_plain_text_keeps_words_only():
    assert text_to_plain("<b>Bold</b> <i>move</i>") == "Bold move"
