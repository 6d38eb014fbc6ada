import PlaybookModel
import Yams

/// Turns YAML text into `Value`s that remember the line of every mapping key.
public enum YAMLReader {
    public struct Failure: Error, Hashable, Sendable {
        /// 1-based line within the YAML text.
        package var line: Int
        package var column: Int
        package var message: String
        /// What to do instead, when the usual advice (fix the syntax, quote the value) does not fit.
        package var hint: String? = nil
    }

    /// Parses a YAML document. Blank input gives `.null`.
    public static func parse(_ text: String) -> Result<Value, Failure> {
        if let simple = SimpleMapping.parse(text) { return .success(simple) }
        return parseWithYams(text)
    }

    static func parseWithYams(_ text: String) -> Result<Value, Failure> {
        do {
            guard let node = try Yams.compose(yaml: text) else { return .success(.null) }
            var budget = Budget()
            return .success(try value(of: node, budget: &budget, depth: 0))
        } catch let error as YamlError {
            return .failure(failure(from: error))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(line: 1, column: 1, message: "\(error)"))
        }
    }

    /// The full parser alone, without the fast path (for tests that compare the two).
    static func value(ofFullParse text: String) throws -> Value {
        switch parseWithYams(text) {
        case .success(let value): return value
        case .failure(let failure): throw failure
        }
    }

    static func failure(from error: YamlError) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // An error found at the end of the text (an unclosed bracket or quote) is best shown
            // where the unfinished construct started, which libyaml gives as the context.
            if let context {
                return Failure(
                    line: context.mark.line, column: context.mark.column, message: "\(problem) \(context.text)")
            }
            return Failure(line: mark.line, column: mark.column, message: problem)
        case .reader(let problem, _, _, _):
            return Failure(line: 1, column: 1, message: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Failure(
                line: context.mark.line, column: context.mark.column,
                message: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return Failure(line: 1, column: 1, message: "\(error)")
        }
    }

    /// How far one document may expand. An alias stands for its whole anchored value, so a few
    /// hundred bytes of aliases of aliases ("billion laughs") would expand to billions of values,
    /// and aliases inside nested lists to any depth; real front matter and configs have a few
    /// hundred values, ten levels deep.
    static let maxValues = 100_000
    static let maxDepth = 100

    struct Budget {
        var values = 0
    }

    static func value(of node: Node, budget: inout Budget, depth: Int) throws -> Value {
        budget.values += 1
        if budget.values > maxValues || depth > maxDepth {
            let mark = node.mark
            throw Failure(
                line: mark?.line ?? 1, column: mark?.column ?? 1,
                message: budget.values > maxValues
                    ? "the aliases (`*name`) here expand to more than \(maxValues) values"
                    : "values nest more than \(maxDepth) levels deep here (through lists, mappings or aliases)",
                hint: "write the values out instead of aliases of aliases (`*name`); nothing here is read until then")
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            if let _ = NSNullLike.match(scalar.string) { return .null }
            if let b = Bool.construct(from: scalar) { return .bool(b) }
            if let i = Int.construct(from: scalar) { return .int(i) }
            if let d = Double.construct(from: scalar), scalar.string.contains(where: { $0 == "." || $0 == "e" }) {
                return .double(d)
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .array(try sequence.map { try value(of: $0, budget: &budget, depth: depth + 1) })
        case .mapping(let mapping):
            var entries: [Mapping.Entry] = []
            for (key, child) in mapping {
                guard let name = key.scalar?.string else {
                    let mark = key.mark
                    throw Failure(
                        line: mark?.line ?? 1, column: mark?.column ?? 1,
                        message: "a mapping key must be a plain name, not a list or mapping")
                }
                let line = key.mark?.line ?? 1
                let column = key.mark?.column ?? 1
                let converted: Value
                do {
                    converted = try value(of: child, budget: &budget, depth: depth + 1)
                } catch var failure as Failure where failure.line < line {
                    // The value ran out of budget inside an anchor written earlier: the place to
                    // fix is the key whose aliases expanded it, here.
                    failure.line = line
                    failure.column = column
                    throw failure
                }
                entries.append(Mapping.Entry(key: name, value: converted, line: line, column: column))
            }
            return .mapping(Mapping(entries))
        case .alias:
            return .null
        }
    }

    private enum NSNullLike {
        static func match(_ s: String) -> Void? {
            (s == "~" || s == "null" || s == "Null" || s == "NULL" || s.isEmpty) ? () : nil
        }
    }
}

/// A fast path for the front matter most playbooks have: one `key: value` per line, where the
/// value is plain text, a quoted string (`"杭州分会"`, `'it''s'`), a decimal number (`180`,
/// `2.5`) or a flow list of those (`[读书会, "线下, 活动"]`), the forms the README teaches. Only
/// text that YAML reads in exactly one way is taken (a plain string holds a character no number,
/// boolean, null or date can contain); anything else returns nil and goes to the full parser.
enum SimpleMapping {
    typealias Bytes = Substring.UTF8View.SubSequence

    static func parse(_ text: String) -> Value? {
        var entries: [Mapping.Entry] = []
        var seen: Set<String> = []
        var line = 0
        for raw in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            line += 1
            if raw.isEmpty { continue }
            guard let colon = raw.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = raw[raw.startIndex..<colon]
            guard let first = key.first, isKeyStart(first), key.allSatisfy(isKeyByte) else { return nil }
            var valueStart = raw.index(after: colon)
            guard valueStart < raw.endIndex, raw[valueStart] == 32 else { return nil }
            while valueStart < raw.endIndex, raw[valueStart] == 32 { valueStart = raw.index(after: valueStart) }
            var value = raw[valueStart...]
            while let last = value.last, last == 32 { value = value.dropLast() }
            guard let parsed = self.value(value), let keyText = String(validating: key, as: UTF8.self),
                seen.insert(keyText).inserted
            else { return nil }
            entries.append(Mapping.Entry(key: keyText, value: parsed, line: line, column: 1))
        }
        return entries.isEmpty ? nil : .mapping(Mapping(entries))
    }

    /// A whole value, blanks trimmed: quoted, a flow list, a number or plain text.
    static func value(_ value: Bytes) -> Value? {
        guard let lead = value.first else { return nil }
        if lead == UInt8(ascii: "\"") || lead == UInt8(ascii: "'") {
            guard let (string, rest) = quoted(value), rest.isEmpty else { return nil }
            return .string(string)
        }
        if lead == UInt8(ascii: "[") { return flowList(value) }
        if let number = number(value) { return number }
        return plain(value, inFlow: false).map(Value.string)
    }

    /// A quoted string at the start of `text` and what follows it; nil for an escape other than
    /// `\"` and `\\`, a control character, or no closing quote on the line.
    static func quoted(_ text: Bytes) -> (String, Bytes)? {
        guard let quote = text.first else { return nil }
        var bytes: [UInt8] = []
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let byte = text[index]
            if byte < 32 || byte == 127 { return nil }
            if byte == quote {
                let next = text.index(after: index)
                // `''` inside single quotes is one quote.
                if quote == UInt8(ascii: "'"), next < text.endIndex, text[next] == quote {
                    bytes.append(quote)
                    index = text.index(after: next)
                    continue
                }
                guard let string = String(validating: bytes, as: UTF8.self) else { return nil }
                return (string, text[next...])
            }
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                let next = text.index(after: index)
                guard next < text.endIndex, text[next] == UInt8(ascii: "\"") || text[next] == UInt8(ascii: "\\")
                else { return nil }
                bytes.append(text[next])
                index = text.index(after: next)
                continue
            }
            bytes.append(byte)
            index = text.index(after: index)
        }
        return nil
    }

    /// `[a, "b, c", 3]` on one line: items quoted, numbers or plain text without `,[]{}:#`.
    static func flowList(_ text: Bytes) -> Value? {
        guard text.last == UInt8(ascii: "]") else { return nil }
        var rest = text.dropFirst().dropLast()
        func skipBlanks() { while let b = rest.first, b == 32 { rest = rest.dropFirst() } }
        skipBlanks()
        if rest.isEmpty { return .array([]) }
        var items: [Value] = []
        while true {
            skipBlanks()
            guard let lead = rest.first else { return nil }
            if lead == UInt8(ascii: "\"") || lead == UInt8(ascii: "'") {
                guard let (string, after) = quoted(rest) else { return nil }
                items.append(.string(string))
                rest = after
                skipBlanks()
            } else {
                let end = rest.firstIndex(of: UInt8(ascii: ",")) ?? rest.endIndex
                var item = rest[rest.startIndex..<end]
                while let last = item.last, last == 32 { item = item.dropLast() }
                if let number = number(item) {
                    items.append(number)
                } else if let string = plain(item, inFlow: true) {
                    items.append(.string(string))
                } else {
                    return nil
                }
                rest = rest[end...]
            }
            guard let separator = rest.first else { return .array(items) }
            // A comma must be followed by another item: `[a, b,]` goes to the full parser.
            guard separator == UInt8(ascii: ","), rest.count > 1 else { return nil }
            rest = rest.dropFirst()
        }
    }

    /// `0`, `180`, `-3` (an integer) or `2.5` (a number): decimal digits only, no leading zero,
    /// few enough digits to fit. Octal `007`, `0x10`, `1e3`, `1_000`, `.5` and `-0` (which YAML
    /// reads as text) go to the full parser.
    static func number(_ text: Bytes) -> Value? {
        var digits = text[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        let dot = digits.firstIndex(of: UInt8(ascii: "."))
        let whole = digits[digits.startIndex..<(dot ?? digits.endIndex)]
        guard !whole.isEmpty, whole.count <= 15, whole.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            whole.first != 48 || whole.count == 1
        else { return nil }
        guard let dot else {
            // YAML reads `-0` as text.
            guard !negative || whole.first != 48 else { return nil }
            return Int(String(decoding: text, as: UTF8.self)).map(Value.int)
        }
        let fraction = digits[digits.index(after: dot)...]
        guard !fraction.isEmpty, fraction.count <= 15, fraction.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return nil
        }
        return Double(String(decoding: text, as: UTF8.self)).map(Value.double)
    }

    /// Plain text YAML can only read as this string, or nil.
    static func plain(_ value: Bytes, inFlow: Bool) -> String? {
        guard let lead = value.first, !indicators.contains(lead), value.last != UInt8(ascii: ":") else {
            return nil
        }
        var hasTextByte = false
        var previous: UInt8 = 0
        for byte in value {
            if byte == 9 || byte == 13 || byte < 32 { return nil }
            if (previous == UInt8(ascii: ":") && byte == 32) || (previous == 32 && byte == UInt8(ascii: "#")) {
                return nil
            }
            if inFlow && flowExcluded.contains(byte) { return nil }
            if !isScalarByte(byte) { hasTextByte = true }
            previous = byte
        }
        guard hasTextByte || isPlainWord(value) else { return nil }
        return String(validating: value, as: UTF8.self)
    }

    /// Bytes a plain item of a flow list may not hold here (YAML gives some of them a meaning
    /// there; the others are left to the full parser to judge).
    static let flowExcluded: Set<UInt8> = Set("[]{},:#\"'".utf8)

    /// A word of ASCII letters (`group`, `weekly`, `city-chapter`) other than the ones YAML reads
    /// as booleans or null: a string however YAML looks at it.
    static func isPlainWord(_ value: Bytes) -> Bool {
        func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        guard let first = value.first, isLetter(first), value.allSatisfy({ isLetter($0) || $0 == 45 || $0 == 95 })
        else { return false }
        return !typedWords.contains(String(decoding: value, as: UTF8.self).lowercased())
    }

    /// Words a YAML 1.1 or 1.2 reader may take for a boolean or null, in any case.
    static let typedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "nil"]

    /// Characters that give a plain scalar a special meaning when they come first.
    static let indicators: Set<UInt8> = Set("[]{}'\"&*!|>%@`#,?-:~".utf8)

    static func isKeyStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
    }

    static func isKeyByte(_ b: UInt8) -> Bool {
        isKeyStart(b) || (b >= 48 && b <= 57) || b == 45
    }

    /// Bytes that can make up a number, boolean, null or timestamp; a value made only of these
    /// is left to the full parser to type.
    static func isScalarByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 46 || b == 43 || b == 45
            || b == 95 || b == 58
    }
}
