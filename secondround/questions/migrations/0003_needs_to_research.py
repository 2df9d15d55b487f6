# CompetencyNeed and SkillNeed moved to research (what the posting asks for); their tables
# keep their names, so only Django's state changes here.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('questions', '0002_skill_kind'),
        ('research', '0003_needs_from_questions_glossary_to_debrief'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='CompetencyNeed'),
                migrations.DeleteModel(name='SkillNeed'),
            ],
            database_operations=[],
        ),
    ]
