// PlaybookCheck: stage 3, CHECK. Finds what each playbook is missing by the rules of its kind
// (built in from the domain, changed by playbook.yml), builds the health report, and formats
// findings for people and machines. Pure: values in, values out; the CLI does the I/O.
import PlaybookModel

extension Language {
    /// Quotes a name in the language's style: 「名称」 or “name”.
    func quote(_ text: String) -> String {
        self == .en ? "“\(text)”" : "「\(text)」"
    }

    /// Joins names in the language's style: `A、B、C` or `A, B, C`.
    func list(_ items: [String]) -> String {
        items.joined(separator: self == .en ? ", " : "、")
    }
}
