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
