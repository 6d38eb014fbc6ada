import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

@Suite struct PreviewBaselineTests {
    /// Serving honours the baseline too: known findings raise no overlay, a new one does.
    @Test func servingToleratesTheBaselineAndReportsNewFindings() throws {
        let site = try TemporarySite([
            "playbook.yml": "title: 手册\nlanguage: en\n",
            "content/sops/old.md": "---\ntitle: 老流程\n---\n## Steps\n\n1. a\n2. b\n",
        ])
        defer { site.remove() }
        let checked = try Pipeline.check(siteAt: site.root)
        try site.write(
            Baseline.fileName, Baseline(recording: checked.diagnostics, line: LineLookup(checked).line).rendered())
        let (preview, _) = try Preview.build(siteAt: site.root)
        #expect(preview.check.diagnostics.isEmpty)
        #expect(preview.check.known.count == checked.diagnostics.count)

        try site.write("content/about.md", "---\ntitle: 关于\n---\n[x](nowhere.md)\n")
        let changes = try ChangeSet.read(["content/about.md"], siteAt: site.root, known: preview.sourcePaths)
        let rebuilt = try preview.rebuild(applying: changes)
        #expect(rebuilt.preview.check.diagnostics.map(\.rule) == ["page.broken-link"])
    }
}
