"""schema.org JSON-LD for public pages (rendered by the json_ld filter in base.html)."""

from django.utils import timezone


def absolute(request, obj):
    return request.build_absolute_uri(obj.get_absolute_url())


def organisation_data(request, organisation, *, description="", members=()):
    data = {"@context": "https://schema.org", "@type": "Organization", "name": organisation.name}
    data["url"] = absolute(request, organisation)
    if getattr(organisation, "short_name", ""):
        data["alternateName"] = organisation.short_name
    if description:
        data["description"] = description
    if getattr(organisation, "website", ""):
        data["sameAs"] = [organisation.website]
    if members:
        data["member"] = [
            {"@type": "Organization", "name": member.name, "url": absolute(request, member)} for member in members
        ]
    return data


def person_data(request, person, *, affiliations=()):
    data = {"@context": "https://schema.org", "@type": "Person", "name": person.name, "url": absolute(request, person)}
    if person.honorific:
        data["honorificPrefix"] = person.honorific
    if person.position:
        data["jobTitle"] = person.position
    if person.organisation_id:
        data["worksFor"] = {"@type": "Organization", "name": person.organisation.name}
    if affiliations:
        data["affiliation"] = [{"@type": "Organization", "name": lab.name} for lab in affiliations]
    if person.homepage:
        data["sameAs"] = [person.homepage]
    return data


def project_data(request, project, *, members=()):
    data = {
        "@context": "https://schema.org",
        "@type": "ResearchProject",
        "name": project.title,
        "url": absolute(request, project),
        "parentOrganization": {"@type": "Organization", "name": project.lab.name},
    }
    if project.summary:
        data["description"] = project.summary
    if members:
        data["member"] = [{"@type": "Person", "name": member.person.name} for member in members]
    if project.keyword_list:
        data["keywords"] = ", ".join(project.keyword_list)
    return data


def news_article_data(request, article, *, people=()):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],  # search engines cut longer headlines
        "url": absolute(request, article),
        "datePublished": article.published_on.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "publisher": {"@type": "Organization", "name": article.lab.name, "url": absolute(request, article.lab)},
    }
    if article.summary:
        data["description"] = article.summary
    if article.image:
        data["image"] = [request.build_absolute_uri(article.image.url)]
    if people:
        data["mentions"] = [
            {"@type": "Person", "name": person.name, "url": absolute(request, person)} for person in people
        ]
    return data


def event_data(request, event):
    """schema.org Event: where (a place, an online link or both), when, in which language, who organises it."""
    locations = []
    if event.venue:
        locations.append({"@type": "Place", "name": event.venue, "address": event.venue})
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if event.venue and event.online_url:
        mode = "MixedEventAttendanceMode"
    else:
        mode = "OnlineEventAttendanceMode" if event.online_url else "OfflineEventAttendanceMode"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": absolute(request, event),
        "startDate": timezone.localtime(event.starts_at).isoformat(),  # in Hong Kong time, as the page shows it
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": event.lab.name, "url": absolute(request, event.lab)},
    }
    if event.summary:
        data["description"] = event.summary
    if event.language:
        data["inLanguage"] = event.language_tag
    return data
