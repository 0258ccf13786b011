from django.db import migrations


def index_existing_words(apps, schema_editor):
    from hearth.search.index import Sources, rebuild_index

    rebuild_index(
        sources=Sources(
            word=apps.get_model("search", "IndexedWord"),
            answer=apps.get_model("questions", "Answer"),
            response=apps.get_model("questions", "Response"),
            question=apps.get_model("questions", "Question"),
        )
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(index_existing_words, migrations.RunPython.noop)]
