from django.db import migrations


def copy_parties(apps, schema_editor):
    """Each organization already party to an agreement becomes an AgreementParty (role: partner)."""
    Agreement = apps.get_model("projects", "PartnershipAgreement")
    AgreementParty = apps.get_model("projects", "AgreementParty")
    links = Agreement.parties.through.objects.all()
    AgreementParty.objects.bulk_create(
        AgreementParty(agreement_id=link.partnershipagreement_id, organization_id=link.organization_id, role="partner")
        for link in links
    )


class Migration(migrations.Migration):
    dependencies = [("projects", "0007_follow_up")]

    operations = [migrations.RunPython(copy_parties, migrations.RunPython.noop)]
