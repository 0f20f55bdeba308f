"""The real dataset: the meeting of 11 May 2022 at the Drâa-Tafilalet regional council.

Source: press report of that day (shared/sources/000_e639a0b2d50d504f.txt), Arabic as written
there. French names of organizations are their official ones. What the report does not state
(times, per-province participant counts, budgets, exact dates of each consultation meeting,
the day of the March 2022 session) stays empty.
"""

import datetime

from django.db import transaction

from core.i18n import of_name
from meetings.models import AgendaItem, Attendance, Consultation, Meeting, ParticipantCategory, Recommendation
from projects.models import PartnershipAgreement, Programme, Project, Strategy, StrategyAxis, ThematicAxis
from sources.models import Source
from stakeholders.models import Organization, Person, Position, Province, Region


def _upsert(model, defaults: dict | None = None, **lookup):
    """Get or create the record matching ``lookup``; save it only if ``defaults`` differ from what is stored.

    Unlike ``update_or_create``, an unchanged record is not saved again, so a second load leaves
    versions and history untouched.
    """
    defaults = defaults or {}
    record, created = model.objects.get_or_create(**lookup, defaults=defaults)
    changed = [field for field, value in defaults.items() if getattr(record, field) != value]
    if not created and changed:
        for field in changed:
            setattr(record, field, defaults[field])
        record.save()
    return record


def _link(manager, records) -> None:
    """Make a many-to-many relation hold at least ``records``, touching it (and its history) only if needed."""
    missing = {record.pk for record in records} - set(manager.values_list("pk", flat=True))
    if missing:
        manager.add(*missing)


# The press report itself: it names no outlet and gives no address; it reports "today, Wednesday
# 11 May 2022", so it was published that day. Its title here describes it (it has none of its own).
REPORT = {
    "title": "تقرير صحفي: اجتماع بمقر مجلس جهة درعة تافيلالت حول الاستراتيجية الوطنية للاقتصاد الاجتماعي والتضامني",
    "kind": Source.Kind.PRESS_ARTICLE,
    "published_on": datetime.date(2022, 5, 11),
    "language": Source.Language.ARABIC,
    "notes": "النص الكامل للمقال محفوظ مع بيانات البوابة (المصدر الوحيد لهذه المعطيات).",
}
REGION_CODE = "08"  # Drâa-Tafilalet (HCP)
MEETING_DATE = datetime.date(2022, 5, 11)
CONSULTATION_PERIOD = (datetime.date(2022, 3, 17), datetime.date(2022, 3, 23))
MARCH_2022 = (datetime.date(2022, 3, 1), datetime.date(2022, 3, 31))
CONSULTATION_PARTICIPANTS = 186

K = Organization.Kind
# key: (name_ar, name_fr, acronym, kind, parent key, in the region)
ORGANIZATIONS = {
    "council": ("مجلس جهة درعة تافيلالت", "Conseil de la Région Drâa-Tafilalet", "", K.REGIONAL_COUNCIL, None, True),
    "committee_development": (
        "لجنة التنمية الاقتصادية والاجتماعية والثقافية",
        "Commission du développement économique, social et culturel",
        "",
        K.COUNCIL_COMMITTEE,
        "council",
        True,
    ),
    "committee_productive": (
        "لجنة القطاعات الإنتاجية والشغل",
        "Commission des secteurs productifs et de l'emploi",
        "",
        K.COUNCIL_COMMITTEE,
        "council",
        True,
    ),
    "ministry": (
        "وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني",
        "Ministère du Tourisme, de l'Artisanat et de l'Économie sociale et solidaire",
        "",
        K.MINISTRY,
        None,
        False,
    ),
    "odco": ("مكتب تنمية التعاون", "Office du Développement de la Coopération", "ODCO", K.PUBLIC_AGENCY, None, False),
    "odco_meknes": (
        "مكتب تنمية التعاون بمكناس",
        "Office du Développement de la Coopération, Meknès",
        "",
        K.PUBLIC_AGENCY,
        "odco",
        False,
    ),
    "andzoa": (
        "وكالة تنمية مناطق الواحات وشجر الأركان",
        "Agence Nationale pour le Développement des Zones Oasiennes et de l'Arganier",
        "ANDZOA",
        K.PUBLIC_AGENCY,
        None,
        False,
    ),
    "wilaya": ("ولاية جهة درعة تافيلالت", "Wilaya de la Région Drâa-Tafilalet", "", K.STATE_ADMINISTRATION, None, True),
    "dgct": (
        "المديرية العامة للجماعات الترابية",
        "Direction Générale des Collectivités Territoriales",
        "DGCT",
        K.STATE_ADMINISTRATION,
        None,
        False,
    ),
    "arm": (
        "جمعية جهات المغرب",
        "Association des Régions du Maroc",
        "ARM",
        K.LOCAL_AUTHORITIES_ASSOCIATION,
        None,
        False,
    ),
    "uk_embassy": (
        "سفارة المملكة البريطانية بالرباط",
        "Ambassade du Royaume-Uni à Rabat",
        "",
        K.FOREIGN_MISSION,
        None,
        False,
    ),
}

F, M = Person.Gender.FEMALE, Person.Gender.MALE
# (name_ar, latin, gender, organization key, title_ar, title_fr, presenter); the chair comes first.
ATTENDEES = [
    (
        "حسني رشيدي",
        "Hosni Rachidi",
        M,
        "council",
        "النائب الثاني لرئيس مجلس الجهة",
        "Deuxième vice-président du conseil",
        False,
    ),
    (
        "لطيفة حدوگة",
        "Latifa Haddouga",
        F,
        "council",
        "النائبة السادسة للرئيس",
        "Sixième vice-présidente du conseil",
        False,
    ),
    (
        "نادية العلوي",
        "Nadia El Alaoui",
        F,
        "committee_development",
        "رئيسة لجنة التنمية الاقتصادية والاجتماعية والثقافية",
        "Présidente de la commission du développement économique, social et culturel",
        False,
    ),
    (
        "الهام الدرويش",
        "Ilham Derouich",
        F,
        "committee_productive",
        "نائبة رئيس لجنة القطاعات الإنتاجية والشغل",
        "Vice-présidente de la commission des secteurs productifs et de l'emploi",
        False,
    ),
    (
        "سلوى تاجري",
        "Salwa Tajri",
        F,
        "ministry",
        "مديرة إنعاش الاقتصاد الاجتماعي",
        "Directrice de la promotion de l'économie sociale",
        True,
    ),
    ("يوسف الحسني", "Youssef El Hassani", M, "odco", "المدير العام", "Directeur général", False),
    ("صفاء ختام", "Safae Khattam", F, "ministry", "مستشارة الوزيرة", "Conseillère de la ministre", False),
    ("حميد صواتي", "Hamid Souati", M, "odco_meknes", "", "", False),
    ("أسامة الخلفاني", "Oussama El Khalfani", M, "andzoa", "", "", False),
]
GROUPS = [  # (Arabic, French, organization key, participant category)
    ("أطر ولاية جهة درعة تافيلالت", "Cadres de la Wilaya de la Région Drâa-Tafilalet", "wilaya", "state-services"),
    ("أطر إدارة مجلس الجهة", "Cadres de l'administration du Conseil de la Région", "council", "administrative-staff"),
]
ROLE = {True: Attendance.Role.PRESENTER, False: Attendance.Role.PARTICIPANT}

MEETING = {
    "title_ar": "اجتماع للاطلاع على الاستراتيجية الجديدة وخطة العمل المتعلقة بالاقتصاد الاجتماعي والتضامني",
    "title_fr": "Réunion de présentation de la nouvelle stratégie et du plan d'action de l'économie sociale et solidaire",
    "venue": "مقر مجلس جهة درعة تافيلالت",
    "purpose": (
        "الاطلاع على الاستراتيجية الجديدة وخطة العمل المتعلقة بالاقتصاد الاجتماعي والتضامني التي أعدتها وزارة "
        "السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني، في إطار الزيارات التي تقوم بها الوزارة لمجالس "
        "الجهات لعرض مضامين الاستراتيجية الوطنية للاقتصاد الاجتماعي والتضامني، في أفق تنزيلها من خلال إدراجها في "
        "البرامج الجهوية للتنمية بمختلف جهات المملكة."
    ),
    "summary": (
        "ذكّر حسني رشيدي في كلمته الافتتاحية باللقاءات التشاورية التي نظمها مجلس الجهة بأقاليم الجهة الخمسة في "
        "الفترة ما بين 17 و23 مارس 2022، وأعلن عن استعداد المجلس للتعاون والتنسيق في جميع المشاريع ذات الصلة "
        "بمجال الاقتصاد الاجتماعي والتضامني، مشيرا إلى المشاريع المضمنة في برنامج التنمية الجهوية. وقدمت سلوى "
        "تاجري محاور الاستراتيجية الوطنية للاقتصاد الاجتماعي والتضامني."
    ),
    "outcome": (
        "مناقشة مختلف المقترحات التي جاءت بها الاستراتيجية الجديدة، مع إغنائها بتوصيات من طرف أعضاء مجلس جهة درعة "
        "تافيلالت، وممثلي الولاية والمصالح الخارجية، في أفق الإعداد لعقد اتفاقية شراكة مستقبلية بين مجلس جهة درعة "
        "تافيلالت ووزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني."
    ),
}
AGENDA = [
    ("الكلمة الافتتاحية لنائب رئيس الجهة", "Allocution d'ouverture du vice-président du conseil"),
    (
        "عرض الاستراتيجية الوطنية للاقتصاد الاجتماعي والتضامني",
        "Présentation de la stratégie nationale de l'économie sociale et solidaire",
    ),
    ("مناقشة المقترحات وإغناؤها بالتوصيات", "Discussion des propositions et recommandations"),
]

CONSULTATION = {
    "title_ar": "اللقاءات التشاورية حول تعزيز الاقتصاد الاجتماعي والتضامني وتثمين المنتجات الجهوية",
    "title_fr": "Rencontres de concertation sur le renforcement de l'ESS et la valorisation des produits régionaux",
    "theme_ar": "تعزيز الاقتصاد الاجتماعي والتضامني وتثمين المنتجات الجهوية",
    "theme_fr": "Renforcement de l'économie sociale et solidaire et valorisation des produits régionaux",
}
CONSULTATION_PARTNERS = ["dgct", "arm", "uk_embassy"]
PROVINCE_CODES = ["08.201", "08.401", "08.363", "08.577", "08.587"]  # Errachidia, Ouarzazate, Midelt, Tinghir, Zagora

# (code, name_ar, name_fr): the five axes of the consultations' outputs and recommendations.
AXES = [
    (
        "employment-training",
        "التشغيل والتكوين بالنسبة للفاعلين والفاعلات في المجال",
        "Emploi et formation des acteurs de l'ESS",
    ),
    ("constraints", "الإكراهات والصعوبات التي يعاني منها الفاعلون", "Contraintes et difficultés des acteurs"),
    ("support-development", "سبل الدعم والتطوير ذات الأولوية", "Mesures d'appui et de développement prioritaires"),
    ("solidarity-tourism", "النهوض بالسياحة التضامنية", "Promotion du tourisme solidaire"),
    ("digitisation", "الرقمنة والتثمين الإلكتروني", "Digitalisation et e-valorisation"),
]

STRATEGY = {
    "title_ar": "الاستراتيجية الوطنية للاقتصاد الاجتماعي والتضامني",
    "title_fr": "Stratégie nationale de l'économie sociale et solidaire",
    "aim_ar": (
        "إحداث تغيير حقيقي في السلم الاقتصادي، وإغناء المغرب بإطار استراتيجي يساهم في رسم مسار للاقتصاد "
        "الاجتماعي والتضامني."
    ),
    "aim_fr": "Un réel changement d'échelle et un cadre stratégique qui trace la voie de l'ESS au Maroc.",
    "vision_ar": (
        "الاستجابة للتحديات الاقتصادية والاجتماعية والقانونية-المؤسساتية، والبيئية، والثقافية، من خلال وضع "
        "الاقتصاد الاجتماعي والتضامني في صلب السياسات العمومية لخلق القيمة المضافة اقتصاديا."
    ),
    "vision_fr": (
        "Répondre aux défis économiques, sociaux, juridico-institutionnels, environnementaux et culturels en plaçant "
        "l'ESS au cœur des politiques publiques pour créer de la valeur ajoutée."
    ),
    "challenges_ar": "الاقتصادية، الاجتماعية، القانونية-المؤسساتية، البيئية، الثقافية",
    "challenges_fr": "économiques, sociaux, juridico-institutionnels, environnementaux, culturels",
}
STRATEGY_AXES = [
    ("تحفيز القطاع الخاص بفاعلين جدد", "Stimuler le secteur par de nouveaux acteurs"),
    ("تأطير فاعلي القطاع", "Accompagner et structurer les acteurs du secteur"),
    ("توجيه مجالات الشغل لرفع التحديات", "Orienter les domaines d'emploi pour relever les défis"),
    ("التنسيق مع مختلف الفاعلين", "Coordination avec les différents acteurs"),
]

PDR = {
    "title_ar": "برنامج التنمية الجهوية لجهة درعة تافيلالت",
    "title_fr": "Programme de développement régional de Drâa-Tafilalet",
}
TACHAROK = {
    "title_ar": "برنامج تشارك",
    "title_fr": "Programme Tacharok",
    "description_ar": "في إطار الشراكة بين المديرية العامة للجماعات الترابية وجمعية جهات المغرب وسفارة المملكة البريطانية بالرباط.",
    "description_fr": (
        "Partenariat entre la Direction Générale des Collectivités Territoriales, l'Association des Régions du "
        "Maroc et l'Ambassade du Royaume-Uni à Rabat."
    ),
}
PROJECTS = [
    ("مشروع خلق مناطق أنشطة للصناعة التقليدية", "Création de zones d'activités artisanales"),
    ("مشروع إنشاء منصة رقمية لترويج المنتجات المحلية", "Plateforme numérique de promotion des produits locaux"),
    (
        "مشروع إنشاء معارض إقليمية ذات إشعاع وطني ودولي للترويج للمنتجات المجالية",
        "Foires provinciales à rayonnement national et international pour les produits du terroir",
    ),
]
AGREEMENT = {
    "title_ar": "اتفاقية شراكة بين مجلس جهة درعة تافيلالت ووزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني",
    "title_fr": (
        "Convention de partenariat entre le Conseil de la Région Drâa-Tafilalet et le Ministère du Tourisme, "
        "de l'Artisanat et de l'Économie sociale et solidaire"
    ),
    "subject_ar": "الاقتصاد الاجتماعي والتضامني",
    "subject_fr": "Économie sociale et solidaire",
}


def _organizations(region: Region) -> dict[str, Organization]:
    orgs: dict[str, Organization] = {}
    for key, (name_ar, name_fr, acronym, kind, parent, regional) in ORGANIZATIONS.items():
        orgs[key] = _upsert(
            Organization,
            name_ar=name_ar,
            defaults={
                "name_fr": name_fr,
                "acronym": acronym,
                "kind": kind,
                "parent": orgs[parent] if parent else None,
                "region": region if regional else None,
            },
        )
    return orgs


def _attendance(meeting: Meeting, orgs: dict[str, Organization]) -> Position:
    """Record the named attendees and unnamed groups; return the chair's position."""
    positions = []
    for number, (name_ar, latin, gender, org_key, title_ar, title_fr, presenter) in enumerate(ATTENDEES):
        person = _upsert(Person, full_name_ar=name_ar, defaults={"full_name_latin": latin, "gender": gender})
        position = None
        if title_ar:
            position = _upsert(
                Position, person=person, organization=orgs[org_key], title_ar=title_ar, defaults={"title_fr": title_fr}
            )
        positions.append(position)
        _upsert(
            Attendance,
            meeting=meeting,
            person=person,
            defaults={
                "position": position,
                "organization": orgs[org_key],
                "role": Attendance.Role.CHAIR if number == 0 else ROLE[presenter],
                "mode": Attendance.Mode.IN_PERSON,
                "status": Attendance.Status.PRESENT,
            },
        )
    for group_ar, group_fr, org_key, category in GROUPS:
        _upsert(
            Attendance,
            meeting=meeting,
            person=None,
            group_ar=group_ar,
            defaults={
                "group_fr": group_fr,
                "organization": orgs[org_key],
                "category": ParticipantCategory.objects.get(code=category),
            },
        )
    return positions[0]


@transaction.atomic
def load_draa_tafilalet() -> Meeting:
    """Create or update every record the source states; return the meeting of 11 May 2022.

    Idempotent: records are matched on their Arabic name or title, so a second run changes
    nothing. Requires the territories (``load_territories``) to be loaded first; raises
    ``Region.DoesNotExist`` otherwise.
    """
    region = Region.objects.get(code=REGION_CODE)
    provinces = list(Province.objects.filter(code__in=PROVINCE_CODES).order_by("code"))
    orgs = _organizations(region)
    council = orgs["council"]

    session = _upsert(
        Meeting,
        title_ar="الدورة العادية لشهر مارس 2022",
        defaults={
            "title_fr": "Session ordinaire de mars 2022",
            "kind": Meeting.Kind.ORDINARY_SESSION,
            "period_start": MARCH_2022[0],
            "period_end": MARCH_2022[1],
            "region": region,
            "organizer": council,
            "status": Meeting.Status.HELD,
        },
    )
    pdr = _upsert(
        Programme,
        title_ar=PDR["title_ar"],
        defaults={**PDR, "kind": Programme.Kind.REGIONAL_DEVELOPMENT, "owner": council, "adopted_at": session},
    )
    tacharok = _upsert(
        Programme, title_ar=TACHAROK["title_ar"], defaults={**TACHAROK, "kind": Programme.Kind.COOPERATION}
    )
    for title_ar, title_fr in PROJECTS:
        _upsert(
            Project,
            title_ar=title_ar,
            defaults={
                "title_fr": title_fr,
                "programme": pdr,
                "approving_meeting": session,
                "status": Project.Status.APPROVED,
            },
        )

    consultation = _upsert(
        Consultation,
        title_ar=CONSULTATION["title_ar"],
        defaults={
            **CONSULTATION,
            "period_start": CONSULTATION_PERIOD[0],
            "period_end": CONSULTATION_PERIOD[1],
            "organizer": council,
            "region": region,
            "programme": tacharok,
            "participants_total": CONSULTATION_PARTICIPANTS,
        },
    )
    _link(consultation.partners, [orgs[key] for key in CONSULTATION_PARTNERS])
    for province in provinces:
        _upsert(
            Meeting,
            consultation=consultation,
            province=province,
            defaults={
                "title_ar": f"لقاء تشاوري بإقليم {province.name_ar}",
                "title_fr": f"Rencontre de concertation, province {of_name(province.name_fr)}",
                "kind": Meeting.Kind.CONSULTATION_MEETING,
                "period_start": CONSULTATION_PERIOD[0],
                "period_end": CONSULTATION_PERIOD[1],
                "region": region,
                "organizer": council,
                "status": Meeting.Status.HELD,
            },
        )
    for order, (code, name_ar, name_fr) in enumerate(AXES, start=1):
        axis = _upsert(ThematicAxis, code=code, defaults={"order": order, "name_ar": name_ar, "name_fr": name_fr})
        _upsert(
            Recommendation,
            source_consultation=consultation,
            axis=axis,
            defaults={
                "text_ar": f"مخرجات وتوصيات اللقاءات التشاورية في محور: {name_ar}",
                "text_fr": f"Conclusions et recommandations des rencontres de concertation : {name_fr}",
            },
        )

    meeting = _upsert(
        Meeting,
        title_ar=MEETING["title_ar"],
        defaults={
            **MEETING,
            "kind": Meeting.Kind.WORKING_MEETING,
            "format": Meeting.Format.IN_PERSON,
            "date": MEETING_DATE,
            "region": region,
            "organizer": council,
            "status": Meeting.Status.HELD,
        },
    )
    chair = _attendance(meeting, orgs)
    if meeting.chair_id != chair.pk:
        meeting.chair = chair
        meeting.save(update_fields=["chair"])
    for order, (title_ar, title_fr) in enumerate(AGENDA, start=1):
        _upsert(AgendaItem, meeting=meeting, order=order, defaults={"title_ar": title_ar, "title_fr": title_fr})

    strategy = _upsert(Strategy, title_ar=STRATEGY["title_ar"], defaults={**STRATEGY, "owner": orgs["ministry"]})
    _link(strategy.presented_at, [meeting])
    for order, (title_ar, title_fr) in enumerate(STRATEGY_AXES, start=1):
        _upsert(StrategyAxis, strategy=strategy, order=order, defaults={"title_ar": title_ar, "title_fr": title_fr})

    agreement = _upsert(
        PartnershipAgreement,
        title_ar=AGREEMENT["title_ar"],
        defaults={**AGREEMENT, "status": PartnershipAgreement.Status.ENVISAGED, "region": region},
    )
    _link(agreement.parties, [council, orgs["ministry"]])
    _link(agreement.meetings, [meeting])

    report = _upsert(Source, title=REPORT["title"], defaults=REPORT)
    _link(meeting.sources, [report])
    for recommendation in Recommendation.objects.filter(source_consultation=consultation):
        _link(recommendation.sources, [report])
    return meeting
