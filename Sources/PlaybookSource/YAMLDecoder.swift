// PlaybookSource: stage 1, LOAD. Reads the site folder (config, content, site templates, static
// files) and splits front matter. With PlaybookOutput, the only module that touches the disk.
import PlaybookModel
import Yams

/// Turns YAML text into `Value`s that remember the line of every mapping key.
public enum YAMLReader {
    public struct Failure: Error, Hashable, Sendable {
        /// 1-based line within the YAML text.
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Parses a YAML document. Blank input gives `.null`.
    public static func parse(_ text: String) -> Result<Value, Failure> {
        do {
            guard let node = try Yams.compose(yaml: text) else { return .success(.null) }
            return .success(try value(of: node))
        } catch let error as YamlError {
            return .failure(failure(from: error))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(line: 1, column: 1, message: "\(error)"))
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

    static func value(of node: Node) throws -> Value {
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
            return .array(try sequence.map { try value(of: $0) })
        case .mapping(let mapping):
            var entries: [Mapping.Entry] = []
            for (key, child) in mapping {
                guard let name = key.scalar?.string else {
                    let mark = key.mark
                    throw Failure(
                        line: mark?.line ?? 1, column: mark?.column ?? 1,
                        message: "a mapping key must be a plain name, not a list or mapping")
                }
                entries.append(
                    Mapping.Entry(
                        key: name, value: try value(of: child), line: key.mark?.line ?? 1,
                        column: key.mark?.column ?? 1))
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
