import PlaybookModel
import Testing

@testable import PlaybookTemplate

/// The template compiler on its own: Mustache's look-up, section and whitespace rules as the
/// theme relies on them, and errors at the tag that causes them.
@Suite struct TemplateCompilerTests {
    struct Item: TemplateContext {
        var name: String
        var note: String?

        static let templateFields: [String: TemplateBinding<Item>] = [
            "name": .string { $0.name }, "note": .string { $0.note },
        ]
    }

    struct Root: TemplateContext {
        var title = "<a href='x'>&\""
        var note = "R"
        var empty = ""
        var count = 0
        var flag = true
        var items = [Item(name: "a", note: "n1"), Item(name: "b", note: nil)]
        var child: Item? = Item(name: "c", note: nil)
        var none: Item?

        static let templateFields: [String: TemplateBinding<Root>] = [
            "title": .string { $0.title }, "note": .string { $0.note }, "empty": .string { $0.empty },
            "count": .integer { $0.count }, "flag": .boolean { $0.flag }, "items": .list { $0.items },
            "child": .object { $0.child }, "none": .object { $0.none },
        ]
    }

    func render(_ main: String, partials: [String: String] = [:], _ root: Root = Root()) throws -> String {
        var templates: [String: ParsedTemplate] = [:]
        for (name, text) in partials.merging(["main": main], uniquingKeysWith: { $1 }) {
            templates[name] = ParsedTemplate(file: "templates/\(name).mustache", nodes: try TemplateParser.parse(text))
        }
        let compiler = TemplateCompiler(
            templates: templates, file: "templates/main.mustache", distance: { Suggestion.distance($0, $1) })
        let renderer = try compiler.compile(templates["main"]!.nodes, in: TemplateScope<Root>.root(Root.self))
        var out = TemplateOutput()
        renderer(&out, root)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    func failure(_ main: String, partials: [String: String] = [:]) -> TemplateError? {
        do {
            _ = try render(main, partials: partials)
            return nil
        } catch let error as TemplateError {
            return error
        } catch {
            return nil
        }
    }

    @Test func escapesTheFiveCharactersUnlessTripleBraced() throws {
        #expect(
            try render("{{title}} {{{title}}} {{&title}}")
                == "&lt;a href=&#39;x&#39;&gt;&amp;&quot; <a href='x'>&\" <a href='x'>&\"")
        // Also before a combining mark, which must not let a quote through.
        #expect(try render("{{title}}", Root(title: "\"\u{301}")) == "&quot;\u{301}")
    }

    @Test func aNameMissingInsideASectionIsLookedUpOutside() throws {
        #expect(try render("{{#items}}[{{name}}:{{note}}]{{/items}}") == "[a:n1][b:R]")
        #expect(try render("{{#child}}{{name}}:{{note}}{{/child}}") == "c:R")
    }

    @Test func aDottedNameLooksOutwardsForItsFirstPartOnly() throws {
        #expect(try render("[{{child.note}}][{{none.name}}]") == "[][]")
        #expect(try render("{{#items}}{{child.name}}{{/items}}") == "cc")
    }

    @Test func sectionsShowForTrueTextNumbersAndEachItem() throws {
        #expect(try render("{{#empty}}text{{/empty}}{{^empty}}none{{/empty}}") == "text")
        #expect(try render("{{#count}}{{.}}:{{count}}{{/count}}") == "0:0")
        #expect(try render("{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}", Root(flag: false)) == "no")
        #expect(try render("{{^items}}empty{{/items}}", Root(items: [])) == "empty")
        #expect(try render("{{#none}}x{{/none}}{{^none}}nil{{/none}}") == "nil")
        #expect(try render("{{#child.note}}x{{/child.note}}{{^child.note}}nil{{/child.note}}") == "nil")
        #expect(try render("{{flag}} {{count}}") == "true 0")
    }

    @Test func standaloneTagsTakeTheirLineWithThem() throws {
        #expect(try render("a\n  {{#flag}}\n  b\n  {{/flag}}\nc\n") == "a\n  b\nc\n")
        #expect(try render("a {{#flag}}b{{/flag}} c\n") == "a b c\n")
        #expect(try render("a\n{{! a note }}\nb") == "a\nb")
        #expect(try render("  {{title}}\n") == "  &lt;a href=&#39;x&#39;&gt;&amp;&quot;\n")
    }

    @Test func aStandalonePartialIndentsTheLinesItEmits() throws {
        let html = try render("<ul>\n  {{>item}}\n</ul>\n", partials: ["item": "<li>1</li>\n<li>2</li>\n"])
        #expect(html == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n")
        #expect(try render("<p>{{>item}}</p>", partials: ["item": "a\nb"]) == "<p>a\nb</p>")
    }

    @Test func aChildReplacesItsParentsBlocksAndTheOutermostChildWins() throws {
        let layout = "<main>{{$body}}default{{/body}}</main>{{$foot}}-{{/foot}}"
        #expect(
            try render("{{<layout}}{{$body}}mine {{note}}{{/body}}{{/layout}}", partials: ["layout": layout])
                == "<main>mine R</main>-")
        #expect(
            try render(
                "{{<mid}}{{$body}}page{{/body}}{{/mid}}",
                partials: ["layout": layout, "mid": "{{<layout}}{{$body}}mid{{/body}}{{$foot}}+{{/foot}}{{/layout}}"])
                == "<main>page</main>+")
    }

    @Test func unknownNamesAreErrorsAtTheirTagWithASuggestion() {
        #expect(
            failure("line one\n  {{titel}}")
                == TemplateError(
                    position: TemplatePosition(line: 2, column: 3),
                    message:
                        "unknown name `titel` (did you mean `title`?); the names a template can use are listed in README.md under “Theme”",
                    file: "templates/main.mustache"))
        #expect(
            failure("{{#child}}\n{{child.nmae}}\n{{/child}}")
                == TemplateError(
                    position: TemplatePosition(line: 2, column: 1),
                    message:
                        "unknown name `child.nmae`: `child` is a group of values without `nmae` (did you mean `name`?)",
                    file: "templates/main.mustache"))
    }

    @Test func anErrorInAPartialNamesThePartialsFile() {
        let error = failure("a\n{{>item}}\n", partials: ["item": "\n\n {{nope}}"])
        #expect(error?.file == "templates/item.mustache")
        #expect(error?.position == TemplatePosition(line: 3, column: 2))
    }

    @Test func structuralMistakesAreRefusedWithWhatToDo() {
        #expect(
            failure("<main>\n{{#items}}\n</main>")
                == TemplateError(
                    position: TemplatePosition(line: 2, column: 1),
                    message: "`{{#items}}` is never closed; add `{{/items}}` where its content ends"))
        #expect(failure("{{#items}}{{/item}}")?.position == TemplatePosition(line: 1, column: 11))
        #expect(
            failure("{{/items}}")?.message
                == "`{{/items}}` closes a section that is not open; remove it or open it first")
        #expect(
            failure("{{>missing}}")?.message.hasPrefix("there is no template `missing`; add templates/missing.mustache")
                == true)
        #expect(failure("{{>main}}")?.message.contains("includes itself") == true)
        #expect(failure("{{items}}")?.message.hasPrefix("`{{items}}` is a list, not text") == true)
        #expect(failure("{{=<% %>=}}")?.message.contains("not supported") == true)
        #expect(failure("{{title(upper)}}")?.message.contains("not supported") == true)
        #expect(failure("{{title")?.position == TemplatePosition(line: 1, column: 1))
    }
}
