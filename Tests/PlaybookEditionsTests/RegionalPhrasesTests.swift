import PlaybookModel
import Testing

@testable import PlaybookEditions

/// `RegionalPhrases` (PlaybookModel), which search indexes both sides of, is OpenCC's Taiwan
/// phrase dictionaries as `scripts/regional-phrases.py` dumped them; the OpenCC the binary links
/// converts by the same pairs (issue 24).
@Suite struct RegionalPhrasesTests {
    @Test func pairsAreTheOnesOpenCCConvertsBy() throws {
        let toTaiwan = try ScriptConverter.open(.s2twp)
        let toMainland = try ScriptConverter.open(.tw2sp)
        let toTraditional = try ScriptConverter.open(.s2t)
        var unmatched: [String] = []
        for (mainland, regional) in RegionalPhrases.pairs {
            // Either direction is enough: TWPhrases maps the mainland phrase to the Taiwan one,
            // TWPhrasesRev the Taiwan phrase back (the two dictionaries are not mirror images).
            let forward = try toTaiwan.convert(mainland) == regional
            let back = try toTraditional.convert(toMainland.convert(regional)) == mainland
            if !forward && !back { unmatched.append("\(mainland) / \(regional)") }
        }
        // A few pairs are shadowed by a longer entry of OpenCC's other dictionaries in the chain.
        #expect(unmatched.count * 10 < RegionalPhrases.pairs.count, "\(unmatched.prefix(20))")
        #expect(RegionalPhrases.pairs.contains { $0 == ("服務器", "伺服器") })
        #expect(RegionalPhrases.pairs.contains { $0 == ("文件夾", "資料夾") })
    }
}
