from django.conf import settings
from django.utils import translation


def in_language(chinese: str, english: str) -> str:
    """A record's text in the active language: its English text on an English page when it has one."""
    return english if english and (translation.get_language() or "").startswith("en") else chinese


class LanguageMiddleware:
    """Chinese first: the language is the user's own choice (the language cookie), else zh-hans.

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language, so an office PC set up in English
    still shows the official Chinese terms until its user chooses English.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
