"""Static files in production: WhiteNoise's compressed, content-hashed files, with each name's URL worked out once
per process. The manifest is fixed for a release, and a page can ask for the same file many times: an admin list
draws a boolean icon in every cell (about 100 lookups, 5 ms, on the project list)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        if name not in self._urls:
            self._urls[name] = super().url(name)  # a name missing from the manifest raises and is not kept
        return self._urls[name]

    def post_process(self, *args, **kwargs):
        # collectstatic writes a new manifest: nothing worked out from the old one may outlive it.
        self._urls.clear()
        yield from super().post_process(*args, **kwargs)
        self._urls.clear()
