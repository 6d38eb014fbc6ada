/// A value the theme's templates can read: the names it answers, each with how to read it.
///
/// Templates are bound to these names once per build (`TemplateCompiler`), so a page is
/// rendered by calling the readers directly: no look-up by name, no casts. A reader that
/// returns nil means the name is not there for this value, and the template looks further out,
/// as a Mustache context stack does.
package protocol TemplateContext {
    static var templateFields: [String: TemplateBinding<Self>] { get }
}

/// Whether a name was found in a value, and what it holds. `found(nil)` is a dotted name whose
/// first part is there but whose rest is not: the look-up stops there with nothing.
package enum Lookup<Value> {
    case absent
    case found(Value?)
}

/// What a name means at one place in a template whose values stack up as `Stack`.
package enum TemplateBinding<Stack> {
    case text((Stack) -> Lookup<String>)
    case number((Stack) -> Lookup<Int>)
    case flag((Stack) -> Lookup<Bool>)
    /// A group of names (`page`, `site`) or a list of them (`page.toc`).
    case nested(any NestedBinding<Stack>)

    package static func string(_ read: @escaping (Stack) -> String?) -> Self {
        .text { value in read(value).map { .found($0) } ?? .absent }
    }

    package static func integer(_ read: @escaping (Stack) -> Int?) -> Self {
        .number { value in read(value).map { .found($0) } ?? .absent }
    }

    package static func boolean(_ read: @escaping (Stack) -> Bool?) -> Self {
        .flag { value in read(value).map { .found($0) } ?? .absent }
    }

    package static func object<Member: TemplateContext>(_ read: @escaping (Stack) -> Member?) -> Self {
        .nested(ObjectBinding<Stack, Member> { value in read(value).map { .found($0) } ?? .absent })
    }

    package static func list<Member: TemplateContext>(_ read: @escaping (Stack) -> [Member]?) -> Self {
        .nested(ListBinding<Stack, Member> { value in read(value).map { .found($0) } ?? .absent })
    }

    /// The same name, read from a larger stack through `path`.
    package func pulled<Outer>(_ path: @escaping (Outer) -> Stack) -> TemplateBinding<Outer> {
        switch self {
        case .text(let read): return .text { read(path($0)) }
        case .number(let read): return .number { read(path($0)) }
        case .flag(let read): return .flag { read(path($0)) }
        case .nested(let nested): return .nested(nested.pulled(path))
        }
    }

    /// This name's own member `name`, read only once this name is found.
    package func member(_ name: String) -> TemplateBinding<Stack>? {
        guard case .nested(let nested) = self else { return nil }
        return nested.member(name)
    }

    /// True when a section over this name shows its content; nil when the name is absent.
    package var truth: (Stack) -> Bool? {
        switch self {
        case .text(let read): return { read($0).truth { _ in true } }
        case .number(let read): return { read($0).truth { _ in true } }
        case .flag(let read): return { read($0).truth { $0 } }
        case .nested(let nested): return nested.truth
        }
    }

    package var kindDescription: String {
        switch self {
        case .text: return "text"
        case .number: return "a number"
        case .flag: return "a yes/no value"
        case .nested(let nested): return nested.kindDescription
        }
    }
}

extension Lookup {
    /// A member of the found value. Once the owner is found the look-up stops there: a missing
    /// member is nothing, not absent.
    package func then<Member>(_ get: (Value) -> Lookup<Member>) -> Lookup<Member> {
        switch self {
        case .absent: return .absent
        case .found(nil): return .found(nil)
        case .found(let owner?):
            if case .found(let value) = get(owner) { return .found(value) }
            return .found(nil)
        }
    }

    fileprivate func truth(_ test: (Value) -> Bool) -> Bool? {
        switch self {
        case .absent: return nil
        case .found(nil): return false
        case .found(let value?): return test(value)
        }
    }
}

/// A value pushed for the content of a section, over the values outside it.
package struct Frame<Value, Outer> {
    package let value: Value
    package let outer: Outer
}

/// Names that hold a group of names or a list of groups (`ObjectBinding`, `ListBinding`): the
/// member type stays hidden behind `Stack` while generic methods carry it to larger stacks.
package protocol NestedBinding<Stack> {
    associatedtype Stack
    func pulled<Outer>(_ path: @escaping (Outer) -> Stack) -> any NestedBinding<Outer>
    /// This binding as a member of an owner read by `owner`: found only once the owner is.
    func reached<Outer>(through owner: @escaping (Outer) -> Lookup<Stack>) -> any NestedBinding<Outer>
    func member(_ name: String) -> TemplateBinding<Stack>?
    var memberNames: [String] { get }
    var truth: (Stack) -> Bool? { get }
    var kindDescription: String { get }

    /// The content of a section over this name, bound with the member value pushed; the result
    /// returns false when the name is absent, so the caller can look further out.
    func section(_ body: [TemplateNode], scope: TemplateScope<Stack>, compiler: TemplateCompiler) throws(TemplateError)
        -> (inout TemplateOutput, Stack) -> Bool
}

extension NestedBinding {
    package func member(_ name: String) -> TemplateBinding<Stack>? { nil }
    package var memberNames: [String] { [] }
}

package final class ObjectBinding<Stack, Member: TemplateContext>: NestedBinding {
    package let read: (Stack) -> Lookup<Member>

    package init(_ read: @escaping (Stack) -> Lookup<Member>) { self.read = read }

    package func pulled<Outer>(_ path: @escaping (Outer) -> Stack) -> any NestedBinding<Outer> {
        let read = self.read
        return ObjectBinding<Outer, Member> { read(path($0)) }
    }

    package func reached<Outer>(through owner: @escaping (Outer) -> Lookup<Stack>) -> any NestedBinding<Outer> {
        let read = self.read
        return ObjectBinding<Outer, Member> { stack in owner(stack).then(read) }
    }

    package func member(_ name: String) -> TemplateBinding<Stack>? {
        guard let field = Member.templateFields[name] else { return nil }
        let read = self.read
        func through<Value>(_ get: @escaping (Member) -> Lookup<Value>) -> (Stack) -> Lookup<Value> {
            return { stack in read(stack).then(get) }
        }
        switch field {
        case .text(let get): return .text(through(get))
        case .number(let get): return .number(through(get))
        case .flag(let get): return .flag(through(get))
        case .nested(let nested): return .nested(nested.reached(through: read))
        }
    }

    package var memberNames: [String] { Member.templateFields.keys.sorted() }

    package var truth: (Stack) -> Bool? {
        let read = self.read
        return { stack in
            switch read(stack) {
            case .absent: return nil
            case .found(let value): return value != nil
            }
        }
    }

    package var kindDescription: String { "a group of values" }

    package func section(_ body: [TemplateNode], scope: TemplateScope<Stack>, compiler: TemplateCompiler)
        throws(TemplateError) -> (inout TemplateOutput, Stack) -> Bool
    {
        let content = try compiler.compile(body, in: scope.pushing(Member.self))
        let read = self.read
        return { out, stack in
            switch read(stack) {
            case .absent: return false
            case .found(nil): return true
            case .found(let value?):
                content(&out, Frame(value: value, outer: stack))
                return true
            }
        }
    }
}

package final class ListBinding<Stack, Member: TemplateContext>: NestedBinding {
    package let read: (Stack) -> Lookup<[Member]>

    package init(_ read: @escaping (Stack) -> Lookup<[Member]>) { self.read = read }

    package func pulled<Outer>(_ path: @escaping (Outer) -> Stack) -> any NestedBinding<Outer> {
        let read = self.read
        return ListBinding<Outer, Member> { read(path($0)) }
    }

    package func reached<Outer>(through owner: @escaping (Outer) -> Lookup<Stack>) -> any NestedBinding<Outer> {
        let read = self.read
        return ListBinding<Outer, Member> { stack in owner(stack).then(read) }
    }

    package var truth: (Stack) -> Bool? {
        let read = self.read
        return { stack in
            switch read(stack) {
            case .absent: return nil
            case .found(let value): return !(value ?? []).isEmpty
            }
        }
    }

    package var kindDescription: String { "a list" }

    package func section(_ body: [TemplateNode], scope: TemplateScope<Stack>, compiler: TemplateCompiler)
        throws(TemplateError) -> (inout TemplateOutput, Stack) -> Bool
    {
        let content = try compiler.compile(body, in: scope.pushing(Member.self))
        let read = self.read
        return { out, stack in
            switch read(stack) {
            case .absent: return false
            case .found(let items):
                for item in items ?? [] { content(&out, Frame(value: item, outer: stack)) }
                return true
            }
        }
    }
}
