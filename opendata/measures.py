"""The 22 Tenant Satisfaction Measures (Regulator of Social Housing, from April 2023).

Four management measures come in two parts, each published on its own under the Regulator's
code for the part: RP02(1) non-emergency and RP02(2) emergency repairs on time, CH01(1)/(2)
stage one and stage two complaints per 1,000 homes, CH02(1)/(2) stage one and stage two
complaints answered on time, NM01(1) anti-social behaviour cases and NM01(2) those involving
hate incidents, per 1,000 homes.

The codes, what each one counts and its unit are the Regulator's facts; the names and the
summaries are our own plain words, written for tenants (check them against the Regulator's
current Technical Requirements before publishing real figures).

Units: ``percent`` (0 to 100) or ``per_1000`` (a count for every 1,000 homes, 0 or more).
``about_people`` says whether the figure describes people (tenants who answered a survey, people
who complained or whose case was opened): such a figure is hidden when it is about 1 to 4 people.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

PERCENT = "percent"
PER_1000 = "per_1000"


@dataclass(frozen=True)
class MeasureInfo:
    code: str
    name: str
    summary: str
    unit: str
    perception: bool  # TP01–TP12: from a survey of tenants
    about_people: bool
    count_label: str = ""  # what the "about how many" figure counts

    @property
    def key(self) -> str:
        """The code as a form field name: RP02(1) becomes RP02_1."""
        return self.code.replace("(", "_").replace(")", "")


def _tp(code: str, name: str, summary: str) -> MeasureInfo:
    return MeasureInfo(
        code, name, summary, PERCENT, True, True, _("tenants who gave a valid answer")
    )


MEASURES: list[MeasureInfo] = [
    _tp("TP01", _("Happy with the service overall"),
        _("Of the tenants asked, the share who are satisfied with the service we give, "
          "taking everything into account.")),
    _tp("TP02", _("Happy with repairs"),
        _("Of the tenants who had a repair in the last 12 months, the share satisfied with "
          "the repairs service overall.")),
    _tp("TP03", _("Happy with the time a repair took"),
        _("Of the tenants who had a repair in the last 12 months, the share satisfied with "
          "how long their most recent repair took.")),
    _tp("TP04", _("Home is well looked after"),
        _("The share of tenants satisfied that we give them a home that is well maintained.")),
    _tp("TP05", _("Home is safe"),
        _("The share of tenants satisfied that we give them a home that is safe.")),
    _tp("TP06", _("We listen and act"),
        _("The share of tenants satisfied that we listen to their views and act on them.")),
    _tp("TP07", _("We keep tenants informed"),
        _("The share of tenants satisfied that we keep them informed about things that "
          "matter to them.")),
    _tp("TP08", _("We treat tenants fairly and with respect"),
        _("The share of tenants who agree that we treat them fairly and with respect.")),
    _tp("TP09", _("Happy with how complaints are handled"),
        _("Of the tenants who made a complaint in the last 12 months, the share satisfied "
          "with how we handled it.")),
    _tp("TP10", _("Shared areas are clean and well kept"),
        _("Of the tenants whose building has shared areas we look after, the share satisfied "
          "that they are kept clean and well maintained.")),
    _tp("TP11", _("We help make the neighbourhood better"),
        _("The share of tenants satisfied that we make a positive contribution to their "
          "neighbourhood.")),
    _tp("TP12", _("Happy with how anti-social behaviour is handled"),
        _("The share of tenants satisfied with how we deal with anti-social behaviour.")),
    MeasureInfo("BS01", _("Gas safety checks done"),
                _("The share of homes that need gas safety checks where every check the law "
                  "asks for was done."), PERCENT, False, False),
    MeasureInfo("BS02", _("Fire safety checks done"),
                _("The share of homes that need a fire risk assessment where every assessment "
                  "the law asks for was done."), PERCENT, False, False),
    MeasureInfo("BS03", _("Asbestos checks done"),
                _("The share of homes that need asbestos management surveys or re-inspections "
                  "where every one was done."), PERCENT, False, False),
    MeasureInfo("BS04", _("Water safety checks done"),
                _("The share of homes that need legionella risk assessments where every one "
                  "was done."), PERCENT, False, False),
    MeasureInfo("BS05", _("Lift safety checks done"),
                _("The share of homes with communal passenger lifts where every lift safety "
                  "check the law asks for was done."), PERCENT, False, False),
    MeasureInfo("RP01", _("Homes that are not decent"),
                _("The share of our homes that do not meet the Decent Homes Standard. Lower "
                  "is better."), PERCENT, False, False),
    MeasureInfo("RP02(1)", _("Non-emergency repairs done on time"),
                _("The share of non-emergency repairs finished in the year within our own "
                  "target time for them."), PERCENT, False, False),
    MeasureInfo("RP02(2)", _("Emergency repairs done on time"),
                _("The share of emergency repairs finished in the year within our own target "
                  "time for them."), PERCENT, False, False),
    MeasureInfo("CH01(1)", _("First-stage complaints for every 1,000 homes"),
                _("How many complaints tenants made at the first stage in the year, for every "
                  "1,000 homes we own."), PER_1000, False, True, _("complaints")),
    MeasureInfo("CH01(2)", _("Second-stage complaints for every 1,000 homes"),
                _("How many complaints went on to the second stage in the year, for every "
                  "1,000 homes we own."), PER_1000, False, True, _("complaints")),
    MeasureInfo("CH02(1)", _("First-stage complaints answered on time"),
                _("The share of first-stage complaints we answered within the times the "
                  "Housing Ombudsman's Complaint Handling Code sets."), PERCENT, False, True,
                _("complaints")),
    MeasureInfo("CH02(2)", _("Second-stage complaints answered on time"),
                _("The share of second-stage complaints we answered within the times the "
                  "Housing Ombudsman's Complaint Handling Code sets."), PERCENT, False, True,
                _("complaints")),
    MeasureInfo("NM01(1)", _("Anti-social behaviour cases for every 1,000 homes"),
                _("How many anti-social behaviour cases we opened in the year, hate incidents "
                  "included, for every 1,000 homes we own."), PER_1000, False, True,
                _("cases")),
    MeasureInfo("NM01(2)", _("Hate incident cases for every 1,000 homes"),
                _("How many of the anti-social behaviour cases we opened in the year involve "
                  "hate incidents, for every 1,000 homes we own."), PER_1000, False, True,
                _("cases")),
]  # fmt: skip

BY_CODE = {measure.code: measure for measure in MEASURES}
CODES = [measure.code for measure in MEASURES]
PERCEPTION_CODES = [measure.code for measure in MEASURES if measure.perception]
MANAGEMENT_CODES = [measure.code for measure in MEASURES if not measure.perception]
