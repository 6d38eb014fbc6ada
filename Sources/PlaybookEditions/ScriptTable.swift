import PlaybookModel

/// The character-level facts that the checker and the search need from OpenCC, derived from
/// OpenCC's own dictionaries by converting every Han character one at a time.
///
/// `PlaybookModel` depends on nothing, so it cannot ask OpenCC at run time; it reads these facts
/// from `ChineseScript+OpenCC.swift`, which `swiftSource()` writes. The test
/// `ScriptTableTests.generatedTableMatchesOpenCC` derives the table again from the installed
/// OpenCC and fails when the file differs (`PLAYBOOK_UPDATE_GOLDENS=1` rewrites it), so the file
/// is OpenCC's data, not a table anyone keeps by hand.
package struct ScriptTable: Hashable, Sendable {
    /// Traditional (or variant) → Simplified, one character to one, without chains.
    package var folding: [Unicode.Scalar: Unicode.Scalar]
    /// Characters every Traditional → Simplified configuration changes (歡, 結, 於).
    package var traditionalOnly: Set<Unicode.Scalar>
    /// Characters every Simplified → Traditional configuration changes (欢, 结, 头).
    package var simplifiedOnly: Set<Unicode.Scalar>

    /// The Han blocks handbooks are written in: CJK Unified Ideographs, Extension A, the
    /// compatibility ideographs and the supplementary planes' extensions.
    package static let hanRanges: [ClosedRange<UInt32>] = [
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x2F800...0x2FA1F,
    ]

    /// Converts every character of `hanRanges` with the six configurations below.
    ///
    /// - `folding`: a character that `t2s` (else `tw2s`, else `hk2s`) turns into one other
    ///   character folds to it (結 → 结, 著 → 着 by Taiwan's usage). A character that only the
    ///   Simplified → Traditional direction produces (昵 → 暱: OpenCC keeps 暱 when converting to
    ///   Simplified, because both forms are in use) folds back to its source, so 暱稱 and 昵称
    ///   meet.
    /// - `traditionalOnly` / `simplifiedOnly`: changed by all three configurations of one
    ///   direction, so a regional variant (群 in Taiwan, 台 in Hong Kong) marks neither script.
    package static func derive() throws -> ScriptTable {
        var characters: [Unicode.Scalar] = []
        for range in hanRanges {
            for value in range {
                if let scalar = Unicode.Scalar(value) { characters.append(scalar) }
            }
        }
        let texts = characters.map { String($0) }
        func converted(_ configuration: ScriptConfiguration) throws -> [String] {
            try ScriptConverter.open(configuration).convert(texts)
        }
        let toSimplified = try [ScriptConfiguration.t2s, .tw2s, .hk2s].map(converted)
        let toTraditional = try [ScriptConfiguration.s2t, .s2tw, .s2hk].map(converted)

        var folding: [Unicode.Scalar: Unicode.Scalar] = [:]
        var traditionalOnly: Set<Unicode.Scalar> = []
        var simplifiedOnly: Set<Unicode.Scalar> = []
        // OpenCC's standard Traditional first; Taiwan's and Hong Kong's variants only for a
        // character that is not itself a Simplified form (Taiwan writes 么 as 幺, but 什么 is
        // Simplified and must stay 什么).
        for (i, character) in characters.enumerated() {
            if let target = single(toSimplified[0][i]), target != character { folding[character] = target }
        }
        let simplifiedForms = Set(folding.values)
        for (i, character) in characters.enumerated() {
            let simplified = toSimplified.map { $0[i] }
            if folding[character] == nil, !simplifiedForms.contains(character),
                let target = simplified.dropFirst().lazy.compactMap({ single($0) }).first(where: { $0 != character })
            {
                folding[character] = target
            }
            if simplified.allSatisfy({ $0 != texts[i] }) { traditionalOnly.insert(character) }
        }
        for (i, character) in characters.enumerated() where folding[character] == nil {
            let traditional = toTraditional.map { $0[i] }
            for source in traditional.compactMap(single)
            where source != character && folding[source] == nil && !simplifiedForms.contains(source) {
                folding[source] = character
            }
            if traditional.allSatisfy({ $0 != texts[i] }) && !traditionalOnly.contains(character) {
                simplifiedOnly.insert(character)
            }
        }
        // A fold lands on a character that folds no further (no 㐹 → x → y chains).
        for (key, value) in folding {
            var target = value
            var steps = 0
            while let next = folding[target], next != target, steps < 4 {
                target = next
                steps += 1
            }
            folding[key] = target == key ? nil : target
        }
        return ScriptTable(folding: folding, traditionalOnly: traditionalOnly, simplifiedOnly: simplifiedOnly)
    }

    private static func single(_ text: String) -> Unicode.Scalar? {
        let scalars = text.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }

    /// The Swift source of `Sources/PlaybookModel/ChineseScript+OpenCC.swift`.
    package func swiftSource() -> String {
        func lines(_ scalars: [Unicode.Scalar], perLine: Int) -> String {
            var out = ""
            var index = 0
            while index < scalars.count {
                let chunk = scalars[index..<min(index + perLine, scalars.count)]
                out += "        \"" + String(String.UnicodeScalarView(chunk)) + "\",\n"
                index += perLine
            }
            return out
        }
        let pairs = folding.keys.sorted { $0.value < $1.value }.flatMap { [$0, folding[$0]!] }
        return """
            // Generated from OpenCC's dictionaries by `ScriptTable.swiftSource` (PlaybookEditions); do not edit.
            // Regenerate: PLAYBOOK_UPDATE_GOLDENS=1 swift test --filter generatedTableMatchesOpenCC
            // OpenCC's dictionaries are Apache-2.0 licensed.

            extension ChineseScript {
                /// Traditional, Simplified, Traditional, Simplified, … (\(folding.count) pairs).
                static let openCCFolding: [String] = [
            \(lines(pairs, perLine: 120))    ]

                /// Characters only Traditional Chinese writes (\(traditionalOnly.count)).
                static let openCCTraditionalOnly: [String] = [
            \(lines(traditionalOnly.sorted { $0.value < $1.value }, perLine: 60))    ]

                /// Characters only Simplified Chinese writes (\(simplifiedOnly.count)).
                static let openCCSimplifiedOnly: [String] = [
            \(lines(simplifiedOnly.sorted { $0.value < $1.value }, perLine: 60))    ]
            }

            """
    }
}
