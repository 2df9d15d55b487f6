# The model moved between apps; its table keeps its name (Meta.db_table), so only Django's
# state changes here and no data moves.

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('debrief', '0002_asked_question_filing'),
        ('opportunities', '0003_interviewer_honorific'),
        ('research', '0002_dates_within_plausible_years'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='GlossaryTerm',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('term', models.CharField(max_length=200)),
                        ('meaning', models.TextField(blank=True)),
                        ('where_heard', models.CharField(blank=True, max_length=300, verbose_name='where heard')),
                        ('source', models.CharField(choices=[('debrief', 'Heard in an interview'), ('research', 'Research'), ('posting', 'Job posting'), ('mine', 'Added by me')], default='mine', max_length=10)),
                        ('heard_in', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='terms_heard', to='opportunities.round')),
                        ('opportunity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='glossary', to='opportunities.opportunity')),
                    ],
                    options={
                        'db_table': 'research_glossaryterm',
                        'ordering': [django.db.models.functions.text.Lower('term')],
                        'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('term'), models.F('opportunity'), name='one_term_per_opportunity')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
