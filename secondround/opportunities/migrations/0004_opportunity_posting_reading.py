# The posting's reading, saved with the posting (issue 15: drafting finds the skills ready).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('opportunities', '0003_interviewer_honorific'),
    ]

    operations = [
        migrations.AddField(
            model_name='opportunity',
            name='posting_read_digest',
            field=models.CharField(blank=True, editable=False, max_length=40),
        ),
        migrations.AddField(
            model_name='opportunity',
            name='posting_reading',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
    ]
