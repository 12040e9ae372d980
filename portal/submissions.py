"""What the private status pages of challenge requests and applications have in common."""

from django.contrib import messages
from django.shortcuts import redirect

from .workflow import TransitionNotAllowed


def withdraw_and_return(request, submission, *, withdraw, done_message, refused_message):
    """Run the app's withdraw service and come back to the status page with a message either way."""
    try:
        withdraw(submission)
    except TransitionNotAllowed:
        messages.error(request, refused_message)
    else:
        messages.success(request, done_message)
    return redirect(submission.get_status_url())
