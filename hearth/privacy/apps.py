from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "hearth.privacy"
    label = "privacy"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Every app declares its personal data in its own personal_data.py.
        autodiscover_modules("personal_data")
