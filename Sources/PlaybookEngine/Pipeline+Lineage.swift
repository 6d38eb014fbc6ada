import PlaybookModel
import PlaybookReplication

extension Pipeline {
    /// Marks each group row of the health report with the template version the group follows
    /// (from its `lineage.yml`) and whether the template has changed since.
    package static func annotateLineage(_ health: HealthReport, files: SiteFiles) -> HealthReport {
        let lineages = Lineage.all(in: files)
        guard !lineages.isEmpty else { return health }
        let templates = ReplicationTemplate.all(in: files)
        var health = health
        for index in health.rows.indices {
            let path = health.rows[index].path
            guard path.hasSuffix("/index.md"), let lineage = lineages[String(path.dropLast("/index.md".count))]
            else { continue }
            health.rows[index].lineage = "\(lineage.template) \(lineage.version)"
            health.rows[index].template = lineage.template
            health.rows[index].behindTemplate = templates[lineage.template].map { $0.hash != lineage.hash } ?? false
        }
        return health
    }
}
