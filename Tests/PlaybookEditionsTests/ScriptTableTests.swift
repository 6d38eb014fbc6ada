import Foundation
import PlaybookEditions
import PlaybookModel
import TestSupport
import Testing

@Suite struct ScriptTableTests {
    /// The folding the checker and the search use is OpenCC's data: the generated file equals
    /// what the installed OpenCC says today.
    @Test func generatedTableMatchesOpenCC() throws {
        let table = try ScriptTable.derive()
        let file = Repository.root().appendingPathComponent("Sources/PlaybookModel/ChineseScript+OpenCC.swift")
        Golden.check(table.swiftSource(), against: file)
    }
}
