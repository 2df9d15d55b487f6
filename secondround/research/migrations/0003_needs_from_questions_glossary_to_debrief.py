# The model moved between apps; its table keeps its name (Meta.db_table), so only Django's
# state changes here and no data moves.

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('research', '0002_dates_within_plausible_years'),
        ('opportunities', '0003_interviewer_honorific'),
        ('debrief', '0003_glossary_term_from_research'),
        ('questions', '0002_skill_kind'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CompetencyNeed',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('competency', models.CharField(choices=[('teamwork', 'Teamwork'), ('conflict', 'Conflict'), ('leadership', 'Leadership'), ('influence', 'Influence'), ('communication', 'Communication'), ('problem_solving', 'Problem solving'), ('decision_making', 'Decision making'), ('adaptability', 'Adaptability'), ('learning', 'Learning'), ('failure', 'Failure'), ('pressure', 'Pressure'), ('prioritization', 'Prioritisation'), ('initiative', 'Initiative'), ('ownership', 'Ownership'), ('integrity', 'Integrity'), ('customer_focus', 'Customer focus'), ('attention_to_detail', 'Attention to detail'), ('creativity', 'Creativity'), ('results', 'Results'), ('mentoring', 'Mentoring'), ('managing_up', 'Managing up'), ('cross_functional', 'Cross-functional'), ('technical_depth', 'Technical depth'), ('motivation', 'Motivation'), ('culture_fit', 'Culture fit'), ('self_awareness', 'Self-awareness')], max_length=30)),
                        ('weight', models.FloatField(default=0.5, validators=[django.core.validators.MinValueValidator(0.0), django.core.validators.MaxValueValidator(1.0)])),
                        ('evidence', models.TextField(blank=True)),
                        ('origin', models.CharField(choices=[('engine', 'Found in the posting'), ('mine', 'Added by me')], default='mine', max_length=10)),
                        ('opportunity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='competency_needs', to='opportunities.opportunity')),
                    ],
                    options={
                        'db_table': 'questions_competencyneed',
                        'ordering': ['-weight', 'competency'],
                    },
                ),
                migrations.CreateModel(
                    name='SkillNeed',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200)),
                        ('kind', models.CharField(blank=True, choices=[('tool', 'Tool, equipment or system'), ('procedure', 'Procedure or technique'), ('certification', 'Certificate or licence'), ('knowledge', 'Knowledge area')], max_length=20, verbose_name='kind')),
                        ('evidence', models.TextField(blank=True)),
                        ('origin', models.CharField(choices=[('engine', 'Found in the posting'), ('mine', 'Added by me')], default='mine', max_length=10)),
                        ('position', models.PositiveSmallIntegerField(default=0)),
                        ('opportunity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='skill_needs', to='opportunities.opportunity')),
                    ],
                    options={
                        'db_table': 'questions_skillneed',
                        'ordering': ['position', 'pk'],
                    },
                ),
                migrations.DeleteModel(
                    name='GlossaryTerm',
                ),
                migrations.AddConstraint(
                    model_name='competencyneed',
                    constraint=models.UniqueConstraint(fields=('opportunity', 'competency'), name='one_need_per_competency'),
                ),
                migrations.AddConstraint(
                    model_name='skillneed',
                    constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('name'), models.F('opportunity'), name='one_skill_per_name'),
                ),
            ],
            database_operations=[],
        ),
    ]
