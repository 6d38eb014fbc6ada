import PlaybookCheck
import PlaybookModel
import PlaybookScript

/// The checker's phrase-level conversions, by OpenCC: towards Simplified with `t2s`, `tw2s`
/// and `hk2s`, towards Traditional with `s2t`, `s2tw` and `s2hk`.
package struct OpenCCConversions: ScriptConversions {
    let toSimplified: [ScriptConverter]
    let toTraditional: [ScriptConverter]

    /// Nil when OpenCC's dictionaries are missing: the checker then judges characters one by one.
    package init?() {
        guard let simplified = try? [ScriptConfiguration.t2s, .tw2s, .hk2s].map(ScriptConverter.open),
            let traditional = try? [ScriptConfiguration.s2t, .s2tw, .s2hk].map(ScriptConverter.open)
        else { return nil }
        toSimplified = simplified
        toTraditional = traditional
    }

    package func convert(_ texts: [String], into script: WrittenScript) -> [[String]] {
        let converters = script == .simplified ? toSimplified : toTraditional
        let results = converters.compactMap { try? $0.convert(texts) }
        guard results.count == converters.count else { return texts.map { _ in [] } }
        return texts.indices.map { i in results.map { $0[i] } }
    }
}
