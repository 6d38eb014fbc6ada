/// The names visible at one place in a template, bound to the stack of values `Stack` that
/// rendering will have there: each name's candidates, innermost value first.
package struct TemplateScope<Stack> {
    /// The bindings of a name's first part in every value of the stack that may hold it,
    /// innermost first; rendering takes the first one that is there.
    package let candidates: (String) -> [TemplateBinding<Stack>]
    /// The binding of a name in the innermost value only (`{{.title}}`).
    package let innermost: (String) -> TemplateBinding<Stack>?
    /// What `{{.}}` means: the innermost value.
    package let current: TemplateBinding<Stack>
    /// Every name visible here, for suggestions in error messages.
    package let names: () -> [String]

    package static func root<Root: TemplateContext>(_: Root.Type) -> TemplateScope<Root> {
        let fields = Root.templateFields
        return TemplateScope<Root>(
            candidates: { fields[$0].map { [$0] } ?? [] },
            innermost: { fields[$0] },
            current: .nested(ObjectBinding<Root, Root> { .found($0) }),
            names: { Array(fields.keys) })
    }

    /// The scope inside a section over a value of type `Member`.
    package func pushing<Member: TemplateContext>(_: Member.Type) -> TemplateScope<Frame<Member, Stack>> {
        let fields = Member.templateFields
        let outer = self
        return TemplateScope<Frame<Member, Stack>>(
            candidates: { name in
                var found = fields[name].map { [$0.pulled { (frame: Frame<Member, Stack>) in frame.value }] } ?? []
                found += outer.candidates(name).map { $0.pulled { (frame: Frame<Member, Stack>) in frame.outer } }
                return found
            },
            innermost: { name in fields[name]?.pulled { (frame: Frame<Member, Stack>) in frame.value } },
            current: .nested(ObjectBinding<Frame<Member, Stack>, Member> { .found($0.value) }),
            names: { Array(fields.keys) + outer.names() })
    }

    /// The scope inside a section over text or a number: it adds no names, only `{{.}}`.
    package func pushing(scalar current: TemplateBinding<Frame<String, Stack>>) -> TemplateScope<Frame<String, Stack>> {
        let outer = self
        return TemplateScope<Frame<String, Stack>>(
            candidates: { name in
                outer.candidates(name).map { $0.pulled { (frame: Frame<String, Stack>) in frame.outer } }
            },
            innermost: { _ in nil },
            current: current,
            names: outer.names)
    }
}
