import pytest

from tests.factories.places import CommunityCentreFactory

pytestmark = pytest.mark.django_db


def test_a_learner_chooses_their_neighbourhood_and_centre(client, learner):
    centre = CommunityCentreFactory()
    client.force_login(learner)
    response = client.post(
        "/account/profile/",
        {
            "display_name": "Pat",
            "preferred_language": "en-gb",
            "neighbourhood": centre.neighbourhood.pk,
            "community_centre": centre.pk,
        },
        follow=True,
    )
    learner.refresh_from_db()
    assert learner.neighbourhood == centre.neighbourhood
    assert learner.community_centre == centre
    assert "Your details are saved." in response.content.decode()


def test_a_bad_choice_is_explained_and_the_name_kept(client, learner):
    client.force_login(learner)
    response = client.post(
        "/account/profile/",
        {"display_name": "Pat Q", "preferred_language": "en-gb", "neighbourhood": "99999"},
    )
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert 'value="Pat Q"' in html


def test_the_community_page_leads_to_my_neighbourhood_and_its_centres(client, learner):
    mine = CommunityCentreFactory(name="Near Centre")
    CommunityCentreFactory(name="Far Centre")
    learner.neighbourhood = mine.neighbourhood
    learner.save()
    client.force_login(learner)
    neighbourhood_url = f"/community/neighbourhoods/{mine.neighbourhood.slug}/"
    assert f'href="{neighbourhood_url}"' in client.get("/community/").content.decode()
    html = client.get(neighbourhood_url).content.decode()
    assert "Near Centre" in html
    assert "Far Centre" not in html
