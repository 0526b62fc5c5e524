// Option lists for filter selects.
/** Organizations grouped by body, as <optgroup>s of a filter select. */
export function organizationGroups(bodies: { name: string; organizations: { slug: string; name: string }[] }[]) {
  return bodies.map((b) => ({ label: b.name, options: b.organizations.map((o) => ({ value: o.slug, label: o.name })) }));
}
