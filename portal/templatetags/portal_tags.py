import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.form_fields import compact_field, form_field
from portal.registry import registry

register = template.Library()

# Same escapes as Django's json_script: the JSON can never close the <script> element it sits in.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def as_compact_field(bound_field):
    """A form field in crispy's Bootstrap 5 markup, drawn without its templates (portal.form_fields.compact_field)."""
    return compact_field(bound_field)


@register.filter
def as_form_field(bound_field):
    """A field of a public form, as crispy draws it (portal.form_fields.form_field)."""
    return form_field(bound_field)


@register.filter
def json_ld(data):
    """schema.org data as a JSON-LD block: a data block, never executed, so the CSP allows it."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Already escaped while rendering; marking it safe stops a second escape where it is reused.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return context[self.name]


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: render once, output it, and keep it as `name` for reuse
    (the page title and description also feed the OpenGraph tags)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def page_sections(context, record):
    """The blocks other apps add to this record's page (portal.registry.register_page_section), each left out
    when it has nothing to show."""
    parts = []
    for section in sorted(registry.page_sections, key=lambda section: section.position):
        if isinstance(record, section.model):
            items = section.items(record)
            if items:
                parts.append(
                    render_to_string(
                        section.template, {"items": items, "record": record}, request=context.get("request")
                    )
                )
    return mark_safe("".join(parts))  # each part was rendered (and escaped) by its template


@register.filter
def language_tag(language_code):
    """`zh-hant` -> `zh-Hant-HK`: the BCP 47 tag for `lang` attributes (e-mails, printable reports)."""
    from portal.context_processors import LANGUAGE_TAGS

    return LANGUAGE_TAGS.get(language_code, language_code)
