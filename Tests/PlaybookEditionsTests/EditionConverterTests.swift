import PlaybookMarkdown
import PlaybookModel
import PlaybookSource
import Testing

@testable import PlaybookEditions

/// What an edition converts and what it leaves as written (issue 14).
@Suite struct EditionConverterTests {
    let taiwan = try! EditionConverter(converter: ScriptConverter.open(.s2twp, phrases: []), keep: ["拾页", "林晓"])

    func page(_ text: String, path: String = "content/groups/hangzhou/index.md") -> ParsedPage {
        PageParser().parse(FrontMatterSplitter().split(path: path, text: text))
    }

    func html(_ page: ParsedPage) -> String {
        HTMLRenderer(anchors: page.headings.map(\.anchor)).render(page.document)
    }

    @Test func convertsTitleHeadingsAndBody() throws {
        let converted = try taiwan.convert(
            page(
                """
                ---
                title: 杭州分会社群档案
                description: 用打印机打印软件说明
                kind: group
                owner: 陈默
                ---
                ## 结构

                新成员上传头发照片打卡。

                | 角色 | 负责 |
                |---|---|
                | 群主 | 审核软件 |
                """))
        #expect(converted.title == "杭州分會社群檔案")
        #expect(converted.headings.map(\.text) == ["結構"])
        #expect(converted.frontMatter["description"]?.string == "用印表機列印軟體說明")
        #expect(converted.frontMatter["owner"]?.string == "陳默")
        #expect(converted.frontMatter["kind"]?.string == "group")
        #expect(converted.frontMatter.keys == ["title", "description", "kind", "owner"])
        let body = html(converted)
        #expect(body.contains(">結構<"))
        #expect(body.contains("新成員上傳頭髮照片打卡。"))
        // 审核 is the domain's word (審核), not OpenCC's Taiwan audit (稽核).
        #expect(body.contains("<td>審核軟體</td>"))
    }

    @Test func headingAnchorsStayInTheScriptThePageWasWrittenIn() throws {
        let original = page("## 结构\n\n见[结构](#结构)。\n")
        let converted = try taiwan.convert(original)
        #expect(converted.headings.map(\.anchor) == original.headings.map(\.anchor))
        #expect(converted.headings.map(\.anchor) == ["结构"])
        let body = html(converted)
        #expect(body.contains("<h2 id=\"结构\">結構"))
        #expect(body.contains("href=\"#%E7%BB%93%E6%9E%84\">結構</a>") || body.contains("href=\"#结构\">結構</a>"))
    }

    @Test func leavesCodeURLsPlaceholdersAndKeptNamesAlone() throws {
        let converted = try taiwan.convert(
            page(
                """
                ---
                title: "{{city}}分会"
                template: 城市分会
                ---
                拾页读书会在{{city}}的群，林晓负责，用`打印机.sh`打印。

                ```
                软件 = 打印机
                ```

                文档见 https://example.com/软件/头发 和[软件说明](https://example.com/打印机 "打印机说明")。
                <span title="软件">软件</span>

                ![头发](images/头发.png)
                """, path: "content/templates/city-chapter/files/index.md"))
        #expect(converted.title == "{{city}}分會")
        #expect(converted.frontMatter["template"]?.string == "城市分会")
        let body = html(converted)
        #expect(body.contains("拾页讀書會在{{city}}的群，林晓負責，用<code>打印机.sh</code>列印。"))
        #expect(body.contains("<code>软件 = 打印机\n</code></pre>"))
        #expect(body.contains("https://example.com/软件/头发"))
        // Addresses are percent-encoded as cmark-gfm writes them: 打印机, not 打印機.
        #expect(body.contains("href=\"https://example.com/%E6%89%93%E5%8D%B0%E6%9C%BA\" title=\"印表機說明\">軟體說明</a>"))
        #expect(body.contains("alt=\"頭髮\""))
        #expect(body.contains("images/%E5%A4%B4%E5%8F%91.png"))
    }

    @Test func autolinksShowTheirAddressAsWritten() throws {
        let body = html(try taiwan.convert(page("见 <https://example.com/软件>。\n")))
        #expect(body.contains(">https://example.com/软件</a>"))
        #expect(body.contains("見"))
    }

    @Test func keptNamesWinOverShorterOnesAndTextAroundThemConverts() {
        let converter = try! EditionConverter(converter: ScriptConverter.open(.s2twp), keep: ["拾页", "拾页读书会"])
        let pieces = converter.pieces(of: "欢迎来到拾页读书会和拾页")
        #expect(pieces.map(\.text) == ["欢迎来到", "拾页读书会", "和", "拾页"])
        #expect(pieces.map(\.convert) == [true, false, true, false])
    }

    @Test func convertsInterfaceText() throws {
        #expect(try taiwan.convert(text: "搜索软件") == "搜尋軟體")
        #expect(
            try taiwan.convert(text: "拾页 · {{city}} · https://example.com/软件")
                == "拾页 · {{city}} · https://example.com/软件")
    }

    @Test func convertsBackToSimplified() throws {
        let simplified = try EditionConverter(converter: ScriptConverter.open(.tw2sp, phrases: []), keep: ["臺北拾頁"])
        let converted = try simplified.convert(
            page("---\ntitle: 臺北分會\n---\n## 結構\n\n臺北拾頁的成員用印表機列印軟體說明。\n", path: "content/groups/taipei/index.md"))
        #expect(converted.title == "台北分会")
        #expect(converted.headings.map(\.text) == ["结构"])
        #expect(converted.headings.map(\.anchor) == ["結構"])
        #expect(html(converted).contains("臺北拾頁的成员用打印机打印软件说明。"))
    }

    // Issue 21: each block by its own script; quotations in another script as written.
    @Test func eachBlockIsConvertedByItsOwnScript() throws {
        let simplified = try EditionConverter(converter: ScriptConverter.open(.tw2sp, phrases: []))
        let written = page(
            """
            ---
            title: 杭州分会群规
            ---
            ## 结构

            新成员入群后先改昵称，再做自我介绍；值班管理员负责提醒，连续违规的先警告、再禁言。

            台北分會的群規這樣寫：違規先警告。

            | 角色 | 說明 |
            |---|---|
            | 群主 | 負責審核 |
            """)
        #expect(EditionConverter.script(of: written) == .simplified)
        let converted = try simplified.convert(written)
        let body = html(converted)
        #expect(body.contains("新成员入群后先改昵称，"))
        #expect(body.contains("台北分会的群规这样写：违规先警告。"))
        #expect(body.contains("<th>说明</th>") && body.contains("<td>负责审核</td>"))
        // Blocks in the edition's script are as written; in the other edition the whole page is
        // Traditional.
        let traditional = html(try taiwan.convert(written))
        #expect(traditional.contains("新成員入群後先改暱稱，"))
        #expect(traditional.contains("台北分會的群規這樣寫：違規先警告。"))
    }

    @Test func aQuotationInAnotherScriptIsKeptAsItsSourceWroteIt() throws {
        let simplified = try EditionConverter(converter: ScriptConverter.open(.tw2sp, phrases: []))
        let written = page(
            """
            ---
            title: 社群的核心
            ---
            台北分会的档案写得好，引用如下：

            > 社群的核心特徵是同好；要建立以下四感。

            杭州分会把它概括为「有進有出」，也就是定期整理成员。
            """)
        #expect(EditionConverter.script(of: written) == .simplified)
        let traditional = html(try taiwan.convert(written))
        #expect(traditional.contains("台北分會的檔案寫得好，引用如下："))
        #expect(traditional.contains("<blockquote>\n<p>社群的核心特徵是同好；要建立以下四感。</p>"))
        #expect(traditional.contains("杭州分會把它概括為「有進有出」，也就是定期整理成員。"))
        let back = html(try simplified.convert(written))
        #expect(back.contains("台北分会的档案写得好，引用如下："))
        #expect(back.contains("<blockquote>\n<p>社群的核心特徵是同好；要建立以下四感。</p>"))
        #expect(back.contains("杭州分会把它概括为「有進有出」，也就是定期整理成员。"))
        // A quotation in the page's own script is prose, converted with it.
        let own = html(try taiwan.convert(page("> 审核通过并入群。\n\n「先审核」是规矩。\n")))
        #expect(own.contains("審核通過並入群。") && own.contains("「先審核」是規矩。"))
    }
}
