/// A bound template: appends one file's output for a stack of values.
package typealias TemplateRenderer<Stack> = (inout TemplateOutput, Stack) -> Void

/// A parsed theme file.
package struct ParsedTemplate: Sendable {
    /// Where errors point: `templates/page.mustache`.
    package var file: String
    package var nodes: [TemplateNode]

    package init(file: String, nodes: [TemplateNode]) {
        self.file = file
        self.nodes = nodes
    }
}

/// Binds parsed templates to the values they render, once per build: every name is resolved
/// here, against the context types, so rendering calls readers and appends bytes. Partials and
/// parents are inlined at their call sites (their names resolve against the caller's values).
///
/// Rendering follows the Mustache rules the theme was written for, output byte for byte as
/// before: a name is looked up from the innermost section's value outwards, and a value that
/// lacks it (or holds nil) passes the look-up on; a dotted name looks outwards for its first
/// part only. A section shows its content for true, for text and numbers (empty ones too), for
/// a group of values and once per item of a list; an inverted one for false, nil and an empty
/// list. A partial alone on its line indents each piece it emits that starts a line.
package struct TemplateCompiler {
    package let templates: [String: ParsedTemplate]
    /// The file whose nodes are being bound, for errors.
    package var file: String
    package var indentation = ""
    /// Blocks replaced by the child templates being expanded (the outermost child wins).
    package var blocks: [String: ParsedTemplate] = [:]
    /// Partials, parents and blocks being expanded, to refuse one that includes itself.
    package var expanding: [String] = []
    /// How many edits apart two names are, for the "did you mean" of an unknown name; the
    /// caller brings it so the suggestions match the rest of the program's.
    package let distance: (String, String) -> Int

    package init(templates: [String: ParsedTemplate], file: String, distance: @escaping (String, String) -> Int) {
        self.templates = templates
        self.file = file
        self.distance = distance
    }

    package func compile<Stack>(_ nodes: [TemplateNode], in scope: TemplateScope<Stack>) throws(TemplateError)
        -> TemplateRenderer<Stack>
    {
        var steps: [TemplateRenderer<Stack>] = []
        var text: [UInt8] = []
        func flushText() {
            guard !text.isEmpty else { return }
            let bytes = text
            steps.append { out, _ in out.append(bytes) }
            text = []
        }
        for node in nodes {
            if case .text(let piece) = node {
                text += piece.utf8
                // Under indentation each piece counts on its own: it may start a line.
                if !indentation.isEmpty { flushText() }
                continue
            }
            flushText()
            switch node {
            case .text, .definition: break
            case .value(let name, let escaped): steps.append(try value(name, escaped: escaped, in: scope))
            case .section(let name, let inverted, let body):
                steps.append(try section(name, inverted: inverted, body: body, in: scope))
            case .partial(let name, let indentation, let at):
                steps.append(try expand(name, at: at, indentation: indentation ?? "", blocks: [:], in: scope))
            case .parent(let name, let indentation, let blocks, let at):
                steps.append(try expand(name, at: at, indentation: indentation, blocks: blocks, in: scope))
            case .block(let name, let indentation, let body):
                steps.append(try block(name, indentation: indentation, body: body, in: scope))
            }
        }
        flushText()
        if !indentation.isEmpty {
            let indent = Array(indentation.utf8)
            return { out, stack in
                let start = out.bytes.count
                for step in steps {
                    guard out.endsLine(since: start) else {
                        step(&out, stack)
                        continue
                    }
                    let mark = out.bytes.count
                    out.append(indent)
                    step(&out, stack)
                    // A piece that emits nothing takes no indentation.
                    if out.bytes.count == mark + indent.count { out.bytes.removeLast(indent.count) }
                }
            }
        }
        switch steps.count {
        case 0: return { _, _ in }
        case 1: return steps[0]
        default: return { out, stack in for step in steps { step(&out, stack) } }
        }
    }

    // MARK: tags

    private func value<Stack>(_ name: TemplateName, escaped: Bool, in scope: TemplateScope<Stack>) throws(TemplateError)
        -> TemplateRenderer<Stack>
    {
        var readers: [(Stack) -> Lookup<String>] = []
        for binding in try resolve(name, in: scope) {
            switch binding {
            case .text(let read): readers.append(read)
            case .number(let read): readers.append { read($0).map(String.init) }
            case .flag(let read): readers.append { read($0).map { $0 ? "true" : "false" } }
            case .nested:
                throw error(
                    at: name.position,
                    "`{{\(name.text)}}` is \(binding.kindDescription), not text; show its parts inside `{{#\(name.text)}}…{{/\(name.text)}}`"
                )
            }
        }
        if readers.count == 1 {
            let read = readers[0]
            if escaped {
                return { out, stack in if case .found(let text?) = read(stack) { out.appendEscaped(text) } }
            }
            return { out, stack in if case .found(let text?) = read(stack) { out.append(text) } }
        }
        return { out, stack in
            for read in readers {
                guard case .found(let text) = read(stack) else { continue }
                if let text { escaped ? out.appendEscaped(text) : out.append(text) }
                return
            }
        }
    }

    private func section<Stack>(
        _ name: TemplateName, inverted: Bool, body: [TemplateNode], in scope: TemplateScope<Stack>
    ) throws(TemplateError) -> TemplateRenderer<Stack> {
        let bindings = try resolve(name, in: scope)
        if inverted {
            let content = try compile(body, in: scope)
            let tests = bindings.map(\.truth)
            return { out, stack in
                for test in tests {
                    guard let shown = test(stack) else { continue }
                    if !shown { content(&out, stack) }
                    return
                }
                content(&out, stack)
            }
        }
        var runs: [(inout TemplateOutput, Stack) -> Bool] = []
        for binding in bindings {
            switch binding {
            case .text(let read):
                let content = try compile(
                    body, in: scope.pushing(scalar: .text { (frame: Frame<String, Stack>) in .found(frame.value) }))
                runs.append { out, stack in
                    switch read(stack) {
                    case .absent: return false
                    case .found(nil): return true
                    case .found(let text?):
                        content(&out, Frame(value: text, outer: stack))
                        return true
                    }
                }
            case .number(let read):
                // Pushed as its text: inside, `{{.}}` shows the number as a value tag would.
                let content = try compile(
                    body, in: scope.pushing(scalar: .text { (frame: Frame<String, Stack>) in .found(frame.value) }))
                runs.append { out, stack in
                    switch read(stack) {
                    case .absent: return false
                    case .found(nil): return true
                    case .found(let number?):
                        content(&out, Frame(value: String(number), outer: stack))
                        return true
                    }
                }
            case .flag(let read):
                let content = try compile(body, in: scope)
                runs.append { out, stack in
                    switch read(stack) {
                    case .absent: return false
                    case .found(let shown):
                        if shown == true { content(&out, stack) }
                        return true
                    }
                }
            case .nested(let nested):
                runs.append(try nested.section(body, scope: scope, compiler: self))
            }
        }
        if runs.count == 1 {
            let run = runs[0]
            return { out, stack in _ = run(&out, stack) }
        }
        return { out, stack in
            for run in runs where run(&out, stack) { return }
        }
    }

    /// A partial (`blocks` empty) or a parent whose blocks replace the ones it declares.
    private func expand<Stack>(
        _ name: String, at: TemplatePosition, indentation: String, blocks: [String: [TemplateNode]],
        in scope: TemplateScope<Stack>
    ) throws(TemplateError) -> TemplateRenderer<Stack> {
        guard let template = templates[name] else {
            let known = templates.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
            throw error(
                at: at,
                "there is no template `\(name)`; add templates/\(name).mustache or use one of \(known)")
        }
        guard !expanding.contains(name) else {
            throw error(
                at: at, "`\(name)` includes itself (\((expanding + [name]).joined(separator: " → "))); remove the loop")
        }
        var inner = self
        inner.file = template.file
        inner.indentation += indentation
        inner.expanding.append(name)
        for (block, body) in blocks where inner.blocks[block] == nil {
            inner.blocks[block] = ParsedTemplate(file: file, nodes: body)
        }
        return try inner.compile(template.nodes, in: scope)
    }

    private func block<Stack>(
        _ name: String, indentation: String, body: [TemplateNode], in scope: TemplateScope<Stack>
    ) throws(TemplateError) -> TemplateRenderer<Stack> {
        var inner = self
        inner.indentation += indentation
        guard let replacement = blocks[name], !expanding.contains("$" + name) else {
            return try inner.compile(body, in: scope)
        }
        inner.file = replacement.file
        inner.expanding.append("$" + name)
        return try inner.compile(replacement.nodes, in: scope)
    }

    // MARK: names

    /// Every binding the name may have here, innermost first. A name no value here has is an
    /// error, and so is a dotted name whose rest one of its candidates lacks.
    private func resolve<Stack>(_ name: TemplateName, in scope: TemplateScope<Stack>) throws(TemplateError)
        -> [TemplateBinding<Stack>]
    {
        guard let first = name.segments.first else { return [scope.current] }
        let found = name.innermostOnly ? (scope.innermost(first).map { [$0] } ?? []) : scope.candidates(first)
        guard !found.isEmpty else {
            throw error(
                at: name.position,
                "unknown name `\(name.text)`\(suggestion(for: first, among: scope.names())); the names a template can use are listed in README.md under “Theme”"
            )
        }
        return try found.map { candidate throws(TemplateError) in
            var binding = candidate
            var path = first
            for segment in name.segments.dropFirst() {
                guard let member = binding.member(segment) else {
                    let members: [String]
                    if case .nested(let nested) = binding { members = nested.memberNames } else { members = [] }
                    throw error(
                        at: name.position,
                        "unknown name `\(name.text)`: `\(path)` is \(binding.kindDescription) without `\(segment)`\(suggestion(for: segment, among: members))"
                    )
                }
                binding = member
                path += "." + segment
            }
            return binding
        }
    }

    /// ` (did you mean `title`?)` for the closest known name, when one is close.
    package func suggestion(for name: String, among names: [String]) -> String {
        let lowered = name.lowercased()
        let limit = max(1, name.count / 3)
        var scored: [(name: String, distance: Int)] = []
        for candidate in Set(names) {
            let distance = self.distance(lowered, candidate.lowercased())
            if distance <= limit { scored.append((candidate, distance)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        guard let best = scored.first else { return "" }
        return " (did you mean `\(best.name)`?)"
    }

    private func error(at position: TemplatePosition, _ message: String) -> TemplateError {
        TemplateError(position: position, message: message, file: file)
    }
}

extension Lookup {
    fileprivate func map<Other>(_ transform: (Value) -> Other) -> Lookup<Other> {
        switch self {
        case .absent: return .absent
        case .found(let value): return .found(value.map(transform))
        }
    }
}
