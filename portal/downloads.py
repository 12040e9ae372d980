from django.http import FileResponse, JsonResponse


def private_file_response(stored_file, *, filename, content_type):
    """A private file as a download: a name we made, never rendered by the browser, never cached."""
    response = FileResponse(stored_file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    # Even if a browser did render it, it would run in a sandbox with nothing allowed.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def personal_data_download(data, *, filename):
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
