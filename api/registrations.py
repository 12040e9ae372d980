"""What the open data contributes to the portal kernel (see portal/registry.py): its documentation page in the
sitemap. (The embeddable list is for partners' iframes, not for search engines: it says noindex.)"""

from portal.registry import register_sitemap

register_sitemap(sections=["open_data:docs"])
