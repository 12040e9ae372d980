"""How the public pages draw form fields: crispy's Bootstrap 5 markup written in Python, kept between requests
where it depends only on public content. crispy's nested templates and Django's widget templates were most of the
time of the public lists and forms (docs/performance.md)."""

import hashlib

from django import forms
from django.core.exceptions import EmptyResultSet
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .page_cache import remember_for_content


class FastSelect(forms.Select):
    """A <select> whose options are built in Python rather than one template render each: the public filter
    lists (200 partner organisations) render in microseconds instead of milliseconds. No option groups.

    Given `options_html` (options_markup of the same choices, kept between requests), it only marks the chosen
    option instead of escaping every label again."""

    def __init__(self, attrs=None, choices=(), options_html=None):
        # With kept markup the choices are not needed to draw it: normalising 1,400 of them (Django does, on every
        # assignment) cost more than the rest of a list page at 50,000 projects.
        super().__init__(attrs, () if options_html is not None else choices)
        self.options_html = options_html

    @staticmethod
    def options_markup(choices, selected=frozenset()):
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, mark_safe(" selected") if str(option_value) in selected else "", label)
                for option_value, label in choices
            ),
        )

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in self.format_value(value)}
        if self.options_html is None:
            options = self.options_markup(self.choices, selected)
        else:
            options = str(self.options_html)
            for chosen in selected:
                tag = format_html('<option value="{}">', chosen)
                options = options.replace(tag, f"{tag[:-1]} selected>", 1)
            options = mark_safe(options)  # noqa: S308 -- pieces of options_markup, already escaped
        attributes = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attributes), options)


# Widgets compact_field draws itself; any other goes through crispy.
_COMPACT_WIDGETS = (forms.TextInput, forms.NumberInput, forms.EmailInput, forms.URLInput, forms.Textarea, forms.Select)
_NOT_COMPACT = (forms.SelectMultiple, forms.RadioSelect, forms.CheckboxInput)


def compact_field(bound_field):
    """The Bootstrap 5 markup crispy gives a text box or a single <select> (wrapper, label, widget, errors,
    help text), written in Python: crispy's nested templates took ~3 ms a field, the whole budget of a list page.
    Other widgets fall back to crispy itself, so the page never changes shape."""
    widget = bound_field.field.widget
    if not isinstance(widget, _COMPACT_WIDGETS) or isinstance(widget, _NOT_COMPACT):
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

        return as_crispy_field(bound_field)
    classes = widget.attrs.get("class", "").split()
    wanted = [type(widget).__name__.lower(), "form-select" if isinstance(widget, forms.Select) else "form-control"]
    if bound_field.errors:
        wanted.append("is-invalid")
    classes += [name for name in wanted if name not in classes]
    required = bound_field.field.required
    label = ""
    if bound_field.label:
        label = format_html(
            '<label for="{}" class="form-label{}">{}{}</label>',
            bound_field.id_for_label,
            " requiredField" if required else "",
            bound_field.label,
            mark_safe('<span class="asteriskField">*</span>') if required else "",
        )
    errors = ""
    if bound_field.errors:
        errors = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            bound_field.errors.field_id,
            format_html_join(
                "",
                '<p id="error_{}_{}"><strong>{}</strong></p>',
                ((number, bound_field.auto_id, error) for number, error in enumerate(bound_field.errors, start=1)),
            ),
        )
    help_text = ""
    if bound_field.help_text:
        help_text = format_html(
            '<div id="{}_helptext" class="form-text">{}</div>', bound_field.auto_id, mark_safe(bound_field.help_text)
        )
    wrapper_classes = " ".join(["mb-3", *bound_field.css_classes().split()])
    return format_html(
        '<div id="div_{}" class="{}">{}{}{}{}</div>',
        bound_field.auto_id,
        wrapper_classes,
        label,
        bound_field.as_widget(attrs={"class": " ".join(classes)}),
        errors,
        help_text,
    )


def form_field(bound_field):
    """A field of a public form in compact_field's markup; a blank form's fields are kept until public content
    changes (or a release): every visitor opening a form gets the same markup, and drawing it (900 projects as
    checkboxes on an application form, Django's widget templates everywhere) was most of the page's time."""
    field, widget = bound_field.field, bound_field.field.widget
    queryset = getattr(field, "queryset", None)
    chosen_among_options = queryset is not None or getattr(field, "choices", None) is not None
    if bound_field.form.is_bound or (bound_field.value() not in (None, "", [], ()) and not chosen_among_options):
        # Never keep what a visitor typed (a problem carried over from the lab finder is theirs until they send it).
        return compact_field(bound_field)
    if queryset is not None:
        try:
            options = queryset.query.get_compiler(using=queryset.db).as_sql()
        except EmptyResultSet:
            options = ()
    else:
        options = [(str(value), str(label)) for value, label in getattr(field, "choices", ())]
    # Everything the markup depends on: the field as declared or adjusted for this form, its options, its value.
    identity = (
        type(bound_field.form).__qualname__,
        bound_field.html_name,
        bound_field.auto_id,
        str(bound_field.label),
        str(bound_field.help_text),
        field.required,
        type(widget).__qualname__,
        sorted((key, str(value)) for key, value in widget.attrs.items()),
        options,
        bound_field.value(),
    )
    digest = hashlib.sha256(repr(identity).encode()).hexdigest()
    markup = remember_for_content(f"form-field.{get_language()}.{digest}", lambda: str(compact_field(bound_field)))
    return mark_safe(markup)  # noqa: S308 -- drawn by compact_field, kept as a plain string
