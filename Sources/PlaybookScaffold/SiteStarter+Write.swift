import Foundation
import PlaybookModel

/// Why `playbook init` wrote nothing.
package enum StarterRefusal: Error, Equatable, Sendable {
    /// The folder already holds a site (`playbook.yml` or `content/`): these paths.
    case occupied(folder: String, paths: [String])
    /// The path exists and is not a folder.
    case notAFolder(String)
    /// Writing failed part-way (and what was written was removed).
    case writeFailed(String)

    package func message(_ language: Language) -> String {
        switch self {
        case .occupied(let folder, let paths):
            let list = paths.joined(separator: ", ")
            return language.pick(
                "\(folder) 里已经有手册（\(list)）；什么都没有写。换一个空文件夹，或者在这里直接运行 `playbook check`",
                "\(folder) 裡已經有手冊（\(list)）；什麼都沒有寫。換一個空資料夾，或者在這裡直接執行 `playbook check`",
                "\(folder) already holds a handbook (\(list)); nothing was written. Pick an empty folder, or run `playbook check` here"
            )
        case .notAFolder(let path):
            return language.pick(
                "\(path) 不是文件夹；什么都没有写", "\(path) 不是資料夾；什麼都沒有寫",
                "\(path) is not a folder; nothing was written")
        case .writeFailed(let reason):
            return language.pick(
                "写文件失败：\(reason)；已写的文件都删掉了", "寫檔案失敗：\(reason)；已寫的檔案都刪掉了",
                "could not write the files: \(reason); what was written was removed")
        }
    }
}

extension SiteStarter {
    /// Writes the starter site into `root` (created if missing), all or nothing, and returns
    /// the paths written; refuses a folder that already holds a site.
    package static func write(into root: URL, language: Language, title: String? = nil)
        -> Result<[String], StarterRefusal>
    {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: root.path, isDirectory: &isFolder), !isFolder.boolValue {
            return .failure(.notAFolder(root.path))
        }
        // An `init` killed after deciding its files is finished here, and then refused as occupied.
        if isFolder.boolValue { _ = try? ScaffoldWriter(root: root).recover() }
        let taken = occupied.filter { fm.fileExists(atPath: root.appendingPathComponent($0).path) }
        guard taken.isEmpty else { return .failure(.occupied(folder: root.path, paths: taken)) }
        let files = self.files(language: language, title: title)
        do {
            // The folder itself first: the files go in as one transaction kept inside it.
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
            try ScaffoldWriter(root: root).write(files)
        } catch let refusal as ScaffoldRefusal {
            return .failure(.writeFailed(refusal.problems.map { $0.message(language) }.joined(separator: "; ")))
        } catch {
            return .failure(.writeFailed(error.localizedDescription))
        }
        return .success(files.keys.sorted())
    }

    /// What to tell a person after `init`: what was written and the next commands to run.
    /// `folder` is the new site's folder as the person typed it, ending in `/`; empty for the
    /// current folder.
    package static func nextSteps(folder: String, written: [String], language: Language) -> String {
        var out = language.pick(
            "已创建新手册，共 \(written.count) 个文件：\n", "已建立新手冊，共 \(written.count) 個檔案：\n",
            "Created a new handbook, \(written.count) files:\n")
        for path in written { out += "  \(folder)\(path)\n" }
        let cd = folder.isEmpty ? "" : "cd \(folder.hasSuffix("/") ? String(folder.dropLast()) : folder) && "
        out += language.pick("下一步：\n", "下一步：\n", "Next:\n")
        out +=
            "  \(cd)playbook check    "
            + language.pick("检查每份手册缺什么", "檢查每份手冊缺什麼", "see what each playbook lacks") + "\n"
        out +=
            "  \(cd)playbook serve    "
            + language.pick("在浏览器里边写边看", "在瀏覽器裡邊寫邊看", "preview in a browser as you write") + "\n"
        out +=
            "  \(cd)playbook build    "
            + language.pick("生成网站到 public/", "產生網站到 public/", "publish the site into public/") + "\n"
        out +=
            "  \(cd)playbook new group <slug> --from new-group    "
            + language.pick("从模板新建一个群", "從範本新建一個群", "start a group from the template") + "\n"
        return out
    }
}
