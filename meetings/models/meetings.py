"""Meetings, their agenda and attendance, consultation series, and the recommendations they produce."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.audit import HistoricalRecords
from core.constraints import end_not_before_start, in_one_language_at_least, women_within_participants
from core.dates import format_period, format_when, skipped_by_the_clock
from core.i18n import localized
from core.models import (
    NumberedItem,
    OpenListItem,
    OrderingIndex,
    SearchableModel,
    VersionedModel,
    newest_first,
    overlapping,
    search_index,
)
from stakeholders.regions import RegionalModel, RegionalQuerySet


def _clean_counts_and_period(obj, start: str, end: str) -> dict:
    """Errors, by field, for a period ending before it starts or more women than participants."""
    errors = {}
    if getattr(obj, start) and getattr(obj, end) and getattr(obj, end) < getattr(obj, start):
        errors[end] = ValidationError(_("The end cannot be before the start."), code="end_before_start")
    women, total = obj.participants_women, obj.participants_total
    if women is not None and total is not None and women > total:
        errors["participants_women"] = ValidationError(
            _("The number of women cannot exceed the number of participants."), code="women_over_total"
        )
    return errors


def within(day: datetime.date, start: datetime.date | None, end: datetime.date | None) -> bool:
    """True when ``day`` is in [start, end]; a missing end is open."""
    return (start is None or day >= start) and (end is None or day <= end)


class MeetingQuerySet(RegionalQuerySet):
    """Reusable reads of meetings."""

    def held(self):
        return self.filter(status=Meeting.Status.HELD)

    def newest_first(self):
        """Newest first, by day or by the start of the period when only that is known (core.models.newest_first)."""
        return self.order_by(*newest_first())

    def within(self, start=None, stop=None):
        """Meetings on a day between ``start`` and ``stop`` (inclusive, either may be None), or known
        only by a period that overlaps them."""
        return self.filter(overlapping(start, stop))

    def with_related(self):
        return self.select_related(
            "chair__person", "chair__organization", "organizer", "region", "province", "consultation", "series"
        )


class Meeting(RegionalModel, SearchableModel, VersionedModel):
    """A meeting: working meeting, council session, committee or consultation meeting.

    ``date`` with optional ``start_time``/``end_time`` (Africa/Casablanca wall-clock times) when the
    day is known; otherwise ``period_start``/``period_end`` when it is only known to fall within a
    period (e.g. a consultation meeting "between 17 and 23 March 2022").

    Times are kept as the wall clock reads them: one the clocks skip when they go forward
    (02:30 on 2026-03-22) is refused; one they show twice when they go back (01:30 on
    2026-09-20) is kept as written, since meetings are called by the clock on the wall.
    """

    search_fields = ("title_ar", "title_fr", "venue", "purpose", "summary", "outcome")

    class Kind(models.TextChoices):
        WORKING_MEETING = "working_meeting", _("working meeting")
        ORDINARY_SESSION = "ordinary_session", _("ordinary session")
        EXTRAORDINARY_SESSION = "extraordinary_session", _("extraordinary session")
        COMMITTEE_MEETING = "committee_meeting", _("committee meeting")
        COORDINATION_MEETING = "coordination_meeting", _("coordination meeting")
        CONSULTATION_MEETING = "consultation_meeting", _("consultation meeting")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", pgettext_lazy("meeting", "cancelled")  # French: "annulée"

    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.WORKING_MEETING)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    ends_next_day = models.BooleanField(_("ends the next day"), default=False)  # an evening meeting past midnight
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    region = models.ForeignKey(
        "stakeholders.Region", models.PROTECT, null=True, blank=True, related_name="meetings", verbose_name=_("region")
    )
    province = models.ForeignKey(
        "stakeholders.Province",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("province"),
    )
    chair = models.ForeignKey(
        "stakeholders.Position",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_chaired",
        verbose_name=_("chair"),
    )
    organizer = models.ForeignKey(
        "stakeholders.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_organized",
        verbose_name=_("organizing organization"),
    )
    consultation = models.ForeignKey(
        "Consultation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("consultation"),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    participants_total = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    participants_women = models.PositiveIntegerField(_("of whom women"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    sources = models.ManyToManyField("sources.Source", blank=True, related_name="meetings", verbose_name=_("sources"))
    series = models.ForeignKey(
        "meetings.MeetingSeries",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("series of meetings"),
    )
    number_in_series = models.PositiveSmallIntegerField(
        _("number in the series"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("1 for the first meeting of the series, 2 for the second..."),
    )

    objects = MeetingQuerySet.as_manager()
    region_sources = ("province", "organizer")
    title = localized("title")

    history = HistoricalRecords(m2m_fields=["sources"])

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = newest_first()
        indexes = [
            search_index("meeting"),
            OrderingIndex(  # newest_first()
                Coalesce("date", "period_start").desc(nulls_last=True), F("id").desc(), name="meeting_newest_first"
            ),
            # the dashboards' counts read these instead of the rows (and their long texts)
            models.Index(fields=["status", "kind"], name="meeting_by_status_kind"),
            models.Index(fields=["status", "province", "kind", "participants_total"], name="meeting_by_province"),
            # the upcoming meetings (counted and listed soonest first), the calendar feeds, the admin's date filter
            models.Index(fields=["date", "start_time", "id"], name="meeting_by_day"),
            # the list sorted on a column (MeetingFilter.o), then on the key: not every row sorted
            *(
                models.Index(fields=[column, "id"], name=f"meeting_sorted_by_{column}")
                for column in ("title_ar", "kind", "status")
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gte=F("start_time"))
                | Q(ends_next_day=True),
                name="meeting_end_time_after_start",
                violation_error_message=_(
                    "The end time must be after the start time (tick “ends the next day” for a meeting past midnight)."
                ),
            ),
            end_not_before_start("period_start", "period_end", "meeting_period_end_after_start"),
            women_within_participants("meeting_women_within_participants"),
            models.CheckConstraint(
                condition=Q(date__isnull=False) | (Q(start_time__isnull=True) & Q(end_time__isnull=True)),
                name="meeting_times_need_a_date",
                violation_error_message=_("A start or end time needs a date."),
            ),
            in_one_language_at_least("title_ar", "title_fr", "meeting_has_a_title"),
            models.UniqueConstraint(
                fields=["series", "number_in_series"],
                condition=Q(series__isnull=False, number_in_series__isnull=False),
                name="one_meeting_per_number_in_series",
                violation_error_message=_("This series already has a meeting with this number."),
            ),
            models.CheckConstraint(
                condition=Q(number_in_series__isnull=True) | Q(series__isnull=False),
                name="meeting_number_needs_a_series",
                violation_error_message=_("A number in the series needs a series."),
            ),
            models.UniqueConstraint(
                fields=["consultation", "province"],
                condition=Q(consultation__isnull=False, province__isnull=False),
                name="one_meeting_per_province_per_consultation",
                violation_error_message=_("This consultation already has a meeting in this province."),
            ),
        ]

    def __str__(self):
        return self.title

    def chooser_detail(self) -> str:
        """Its day, or the period it is known to fall in ("11 ماي 2022", "mars 2022")."""
        return format_when(self.date, period_start=self.period_start, period_end=self.period_end)

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.pk])

    @classmethod
    def dated_within(cls, start, end):
        """Held from ``start`` to ``end``, or known only to a period within them (a search for
        "mai 2022" finds a meeting known to May 2022, not one known only to 2022)."""
        return Q(date__range=(start, end)) | Q(date__isnull=True, period_start__gte=start, period_end__lte=end)

    def clean(self):
        super().clean()
        errors = _clean_counts_and_period(self, "period_start", "period_end")
        if self.start_time and self.end_time and self.end_time <= self.start_time and not self.ends_next_day:
            errors["end_time"] = ValidationError(
                _("The end time must be after the start time (tick “ends the next day” for a meeting past midnight)."),
                code="end_before_start",
            )
        if self.ends_next_day and not self.end_time:
            errors["ends_next_day"] = ValidationError(
                _("Give the end time on the next day."), code="next_day_without_end"
            )
        if self.ends_next_day and self.start_time and self.end_time and self.end_time >= self.start_time:
            errors["end_time"] = ValidationError(
                _("Ending the next day, a meeting ends before its start time (it would last a day or more)."),
                code="more_than_a_day",
            )
        if self.number_in_series and not self.series_id:
            errors["series"] = ValidationError(
                _("A number in the series needs a series."), code="number_without_series"
            )
        if (self.start_time or self.end_time) and not self.date:
            errors["date"] = ValidationError(_("A start or end time needs a date."), code="time_without_date")
        elif self.date and not within(self.date, self.period_start, self.period_end):
            errors["date"] = ValidationError(
                _(
                    "The day is outside the period given (%(period)s): correct one of them, or clear the "
                    "period (the portal shows and sorts the meeting on the day)."
                ),
                code="day_outside_period",
                params={"period": format_period(self.period_start, self.period_end)},
            )
        for name in ("start_time", "end_time"):
            moment = getattr(self, name)
            day = self.date
            if day and name == "end_time" and self.ends_next_day:
                day += datetime.timedelta(days=1)
            if day and moment and name not in errors and skipped_by_the_clock(day, moment):
                errors[name] = ValidationError(
                    _("%(time)s does not exist on that day in Morocco: the clocks skip that hour."),
                    code="skipped_time",
                    params={"time": f"{moment:%H:%M}"},
                )
        if errors:
            raise ValidationError(errors)


class AgendaItem(NumberedItem):
    """One numbered item of a meeting's agenda."""

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="agenda_items", verbose_name=_("meeting"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting_id", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="agenda_item_order_unique",
                violation_error_message=_("Two agenda items cannot have the same number."),
            )
        ]


class ParticipantCategory(OpenListItem):
    """A kind of unnamed participants ("members of cooperatives", "young project holders")."""

    history = HistoricalRecords()

    class Meta(OpenListItem.Meta):
        verbose_name = _("category of participants")
        verbose_name_plural = _("categories of participants")
        constraints = [in_one_language_at_least("name_ar", "name_fr", "participant_category_has_a_name")]

    def get_absolute_url(self):
        return reverse("meetings:meeting_list") + f"?category={self.pk}"


class Attendance(VersionedModel):
    """Who attended a meeting: a named person (with the position held) or an unnamed group, for an organization."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        REMOTE = "remote", _("remote")

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        CO_CHAIR = "co_chair", _("co-chair")
        PRESENTER = "presenter", _("presenter")
        FACILITATOR = "facilitator", _("facilitator")
        MODERATOR = "moderator", _("moderator")
        RAPPORTEUR = "rapporteur", _("rapporteur")
        SECRETARY = "secretary", _("secretary")
        GUEST = "guest", _("guest")
        PARTICIPANT = "participant", _("participant")

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="attendances", verbose_name=_("meeting"))
    person = models.ForeignKey(
        "stakeholders.Person",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("person"),
    )
    position = models.ForeignKey(
        "stakeholders.Position",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("position held"),
    )
    office = models.ForeignKey(
        "stakeholders.Office",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("office, holder not named"),
        help_text=_("When the report names the office and not the person (“the president of the council”)."),
    )
    organization = models.ForeignKey(
        "stakeholders.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("organization represented"),
    )
    group_ar = models.CharField(_("unnamed group (Arabic)"), max_length=255, blank=True)
    group_fr = models.CharField(_("unnamed group (French)"), max_length=255, blank=True)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PRESENT)
    role = models.CharField(_("role in the meeting"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    category = models.ForeignKey(
        ParticipantCategory,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("category of participants"),
        help_text=_("For an unnamed group: who they are."),
    )
    headcount = models.PositiveIntegerField(
        _("how many"), null=True, blank=True, help_text=_("For an unnamed group, when the number is known.")
    )

    group = localized("group")

    history = HistoricalRecords()

    # The role said of a named man or woman (the choices' labels stay for groups, offices and
    # people whose gender is not stated): "présidente", "intervenante", "مقدِّمة العرض".
    GENDERED_ROLES = {
        "male": {
            Role.CHAIR: pgettext_lazy("masculine", "chair"), Role.CO_CHAIR: pgettext_lazy("masculine", "co-chair"),
            Role.PRESENTER: pgettext_lazy("masculine", "presenter"),
            Role.FACILITATOR: pgettext_lazy("masculine", "facilitator"),
            Role.MODERATOR: pgettext_lazy("masculine", "moderator"),
            Role.RAPPORTEUR: pgettext_lazy("masculine", "rapporteur"),
            Role.SECRETARY: pgettext_lazy("masculine", "secretary"), Role.GUEST: pgettext_lazy("masculine", "guest"),
            Role.PARTICIPANT: pgettext_lazy("masculine", "participant"),
        },
        "female": {
            Role.CHAIR: pgettext_lazy("feminine", "chair"), Role.CO_CHAIR: pgettext_lazy("feminine", "co-chair"),
            Role.PRESENTER: pgettext_lazy("feminine", "presenter"),
            Role.FACILITATOR: pgettext_lazy("feminine", "facilitator"),
            Role.MODERATOR: pgettext_lazy("feminine", "moderator"),
            Role.RAPPORTEUR: pgettext_lazy("feminine", "rapporteur"),
            Role.SECRETARY: pgettext_lazy("feminine", "secretary"), Role.GUEST: pgettext_lazy("feminine", "guest"),
            Role.PARTICIPANT: pgettext_lazy("feminine", "participant"),
        },
    }  # fmt: skip

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(person__isnull=False),
                name="one_attendance_per_person",
                violation_error_message=_("This person is already listed as attending this meeting."),
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(office__isnull=False) | ~Q(group_ar="") | ~Q(group_fr=""),
                name="attendance_person_office_or_group",
                violation_error_message=_("Name a person or an office, or describe the unnamed group."),
            ),
        ]

    def __str__(self):
        if self.person_id:
            return str(self.person)
        return str(self.office.title) if self.office_id and not self.group else self.group

    def save(self, *args, **kwargs):
        if self.position_id and not self.office_id:
            self.office_id = self.position.office_id
        if self.position_id and not self.organization_id:
            self.organization_id = self.position.organization_id
        if self.office_id and not self.organization_id:
            self.organization_id = self.office.organization_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()

    def role_label(self) -> str:
        """The role in the meeting, in the person's grammatical gender when it is stated."""
        gender = self.person.gender if self.person_id else ""
        return str(self.GENDERED_ROLES.get(gender, {}).get(self.role) or self.get_role_display())

    def clean(self):
        if self.position_id and self.person_id and self.position.person_id != self.person_id:
            raise ValidationError(
                {"position": _("This position is held by someone else.")}, code="position_of_other_person"
            )
        if self.office_id and self.position_id and self.position.office_id not in (None, self.office_id):
            raise ValidationError({"office": _("The position held is another office.")}, code="office_of_position")


class Consultation(RegionalModel, SearchableModel, VersionedModel):
    """A series of consultation meetings with SSE actors, normally one meeting per province."""

    search_fields = ("title_ar", "title_fr", "theme_ar", "theme_fr")

    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    theme_ar = models.TextField(_("theme (Arabic)"), blank=True)
    theme_fr = models.TextField(_("theme (French)"), blank=True)
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    organizer = models.ForeignKey(
        "stakeholders.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations_organized",
        verbose_name=_("organizing organization"),
    )
    region = models.ForeignKey(
        "stakeholders.Region",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("region"),
    )
    partners = models.ManyToManyField(
        "stakeholders.Organization", blank=True, related_name="consultations", verbose_name=_("partners")
    )
    programme = models.ForeignKey(
        "projects.Programme",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("programme"),
    )
    participants_total = models.PositiveIntegerField(_("participants (all meetings)"), null=True, blank=True)
    participants_women = models.PositiveIntegerField(_("of whom women"), null=True, blank=True)

    title = localized("title")
    theme = localized("theme")

    objects = RegionalQuerySet.as_manager()
    region_sources = ("organizer", "programme")

    history = HistoricalRecords(m2m_fields=["partners"])

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = [F("period_start").desc(nulls_last=True), "-pk"]
        indexes = [
            search_index("consultation"),
            OrderingIndex(F("period_start").desc(nulls_last=True), F("id").desc(), name="consultation_newest_first"),
        ]
        constraints = [
            end_not_before_start("period_start", "period_end", "consultation_period_end_after_start"),
            women_within_participants("consultation_women_within_participants"),
            in_one_language_at_least("title_ar", "title_fr", "consultation_has_a_title"),
        ]

    def __str__(self):
        return self.title

    def chooser_detail(self) -> str:
        """The period of its meetings ("17 مارس 2022 – 23 مارس 2022")."""
        return format_period(self.period_start, self.period_end)

    def get_absolute_url(self):
        return reverse("meetings:consultation_detail", args=[self.pk])

    @classmethod
    def dated_within(cls, start, end):
        """Running at some time from ``start`` to ``end``."""
        return Q(period_start__lte=end, period_end__gte=start)

    def clean(self):
        errors = _clean_counts_and_period(self, "period_start", "period_end")
        if errors:
            raise ValidationError(errors)
