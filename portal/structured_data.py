"""schema.org JSON-LD for public pages (rendered by the json_ld filter in base.html)."""


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
