from django.contrib.auth.forms import UserCreationForm


class SignUpForm(UserCreationForm):
    """Username and password only: nothing about the candidate is needed to start."""
