class Refusal(Exception):
    """A rule said no. The message is written for the person who asked, and nothing changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
