/// Folds Traditional Chinese characters to Simplified, so one alias matches headings written in
/// either script (`结构` matches `結構`, `群规` matches `群規`), and a search in one script finds
/// pages written in the other. The checker, the search index and the browser's query folding all
/// read this one table (the browser gets the pairs it needs, written out by the search index).
/// It also tells which characters only one script writes, for the check that a page does not
/// mix them and for telling a page's script.
///
/// The facts come from OpenCC's dictionaries, the same data the script editions are converted
/// with: `ChineseScript+OpenCC.swift` is generated from them (see `ScriptTable` in
/// PlaybookEditions) and a test fails when it no longer matches the installed OpenCC. Only the
/// members below read it, so a different source of pairs changes this file alone.
package enum ChineseScript {
    /// The Simplified form of `scalar`, or `scalar` itself when it has none.
    package static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // Search folds every character of every page: the Basic Multilingual Plane is looked
        // up in a flat array, the pairs beyond it in the dictionary.
        if scalar.value < 0x10000 {
            let folded = basicPlane[Int(scalar.value)]
            if folded == 0 { return scalar }
            if folded != 0xFFFF { return Unicode.Scalar(UInt32(folded))! }
        }
        return table[scalar] ?? scalar
    }

    private static let basicPlane: [UInt16] = {
        var plane = [UInt16](repeating: 0, count: 0x10000)
        // 0: no pair; 0xFFFF (a noncharacter): the pair's other side is beyond the plane.
        for (traditional, simplified) in table where traditional.value < 0x10000 {
            plane[Int(traditional.value)] = simplified.value < 0xFFFF ? UInt16(simplified.value) : 0xFFFF
        }
        return plane
    }()

    /// True when `text` holds more characters found only in Traditional writing than characters
    /// found only in Simplified writing, so a Traditional page is declared `zh-Hant`. Characters
    /// both scripts share count for neither.
    package static func isMostlyTraditional(_ text: String) -> Bool {
        var traditional = 0
        var simplified = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x3400 {
            switch onlyScript(of: scalar) {
            case .traditional?: traditional += 1
            case .simplified?: simplified += 1
            case nil: break
            }
        }
        return traditional > simplified
    }

    /// Characters written only in Simplified (欢, 结, 头): every OpenCC configuration towards
    /// Traditional changes them.
    package static let simplifiedOnly: Set<Unicode.Scalar> = Set(openCCSimplifiedOnly.flatMap(\.unicodeScalars))

    /// Characters written only in Traditional (歡, 結, 頭): every OpenCC configuration towards
    /// Simplified changes them.
    package static let traditionalOnly: Set<Unicode.Scalar> = Set(openCCTraditionalOnly.flatMap(\.unicodeScalars))

    /// Every pair, Traditional → Simplified. Several Traditional forms may share one Simplified
    /// form (`裡` and `裏` both fold to `里`).
    package static var pairs: [Unicode.Scalar: Unicode.Scalar] { table }

    /// Which script `scalar` belongs to alone: `.traditional` for 歡, `.simplified` for 欢, nil for
    /// characters both write (同好, 台, 群) and everything that is not Han.
    package static func onlyScript(of scalar: Unicode.Scalar) -> WrittenScript? {
        // The checker asks this of every character of every page: the Basic Multilingual Plane
        // is looked up in a flat array, the rest in the sets.
        if scalar.value < 0x10000 {
            switch basicPlaneScripts[Int(scalar.value)] {
            case 1: return .traditional
            case 2: return .simplified
            default: return nil
            }
        }
        if traditionalOnly.contains(scalar) { return .traditional }
        if simplifiedOnly.contains(scalar) { return .simplified }
        return nil
    }

    /// 1: Traditional only, 2: Simplified only, 0: neither, for U+0000…U+FFFF.
    private static let basicPlaneScripts: [UInt8] = {
        var plane = [UInt8](repeating: 0, count: 0x10000)
        for scalar in simplifiedOnly where scalar.value < 0x10000 { plane[Int(scalar.value)] = 2 }
        // A character in both sets is Traditional, as the sets are asked in that order.
        for scalar in traditionalOnly where scalar.value < 0x10000 { plane[Int(scalar.value)] = 1 }
        return plane
    }()

    private static let table: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for chunk in openCCFolding {
            let scalars = Array(chunk.unicodeScalars)
            var i = 0
            while i + 1 < scalars.count {
                table[scalars[i]] = scalars[i + 1]
                i += 2
            }
        }
        return table
    }()
}

/// The two scripts of written Chinese.
package enum WrittenScript: String, Hashable, Sendable {
    case simplified, traditional
}

extension Language {
    /// The Chinese script `text` is written in: Traditional when more of its characters are
    /// written only in Traditional (`結構`) than only in Simplified (`结构`), else Simplified;
    /// nil when it has no Chinese. What an editor offers a page follows its script, so a
    /// Traditional page is offered Traditional headings whatever the site's language.
    package static func script(of text: String) -> Language? {
        let chinese = text.unicodeScalars.contains {
            (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value)
        }
        guard chinese else { return nil }
        return ChineseScript.isMostlyTraditional(text) ? .zhHant : .zhHans
    }
}
