import PlaybookModel

/// `--format sarif`: a SARIF 2.1.0 log with one run, for code-scanning dashboards.
/// Columns count Unicode code points, as Playbook's positions do (`columnKind`).
package enum SARIFReport {
    package static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// `rules` describes the rule ids (from `RuleCatalog`); `siteRoot`, an absolute `file://`
    /// URI ending in `/`, lets viewers find the files (paths stay site-relative either way).
    package static func log(
        _ diagnostics: [Diagnostic], rules: [(id: String, description: String)], toolVersion: String,
        siteRoot: String? = nil
    ) -> String {
        let descriptions = Dictionary(rules.map { ($0.id, $0.description) }, uniquingKeysWith: { a, _ in a })
        let used = Array(Set(diagnostics.map(\.rule))).sorted()
        let index = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
        let ruleObjects: [JSON] = used.map { id in
            let level = diagnostics.first { $0.rule == id }?.severity ?? .error
            return .object([
                ("id", .string(id)),
                ("shortDescription", .object([("text", .string(descriptions[id] ?? id))])),
                ("defaultConfiguration", .object([("level", .string(level == .error ? "error" : "warning"))])),
            ])
        }
        let results: [JSON] = diagnostics.map { d in
            var text = d.message
            if let hint = d.hint { text += "\n" + hint }
            var artifact: [(String, JSON)] = [("uri", .string(Slug.encodePath(d.file)))]
            if siteRoot != nil { artifact.append(("uriBaseId", .string("SITEROOT"))) }
            return .object([
                ("ruleId", .string(d.rule)),
                ("ruleIndex", .int(index[d.rule] ?? 0)),
                ("level", .string(d.severity == .error ? "error" : "warning")),
                ("message", .object([("text", .string(text))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    ("artifactLocation", .object(artifact)),
                                    (
                                        "region",
                                        .object([
                                            ("startLine", .int(d.position.line)),
                                            ("startColumn", .int(d.position.column)),
                                        ])
                                    ),
                                ])
                            )
                        ])
                    ])
                ),
            ])
        }
        var run: [(String, JSON)] = [
            (
                "tool",
                .object([
                    (
                        "driver",
                        .object([
                            ("name", .string("playbook")), ("version", .string(toolVersion)),
                            ("rules", .array(ruleObjects)),
                        ])
                    )
                ])
            )
        ]
        if let siteRoot {
            run.append(("originalUriBaseIds", .object([("SITEROOT", .object([("uri", .string(siteRoot))]))])))
        }
        run.append(("columnKind", .string("unicodeCodePoints")))
        run.append(("results", .array(results)))
        return JSON.object([
            ("$schema", .string(schemaURI)), ("version", .string("2.1.0")), ("runs", .array([.object(run)])),
        ]).rendered(indented: true)
    }
}
