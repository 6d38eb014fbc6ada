import Foundation
import PlaybookModel

/// Reads a site folder from disk into `SiteFiles`.
package struct SiteReader: Sendable {
    package var root: URL

    package init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// Reads the site. `history: false` leaves out when each page last changed (a `git log`
    /// over the site's history), which only the rendered pages show; `check` needs no dates.
    package func read(history: Bool = true) throws -> SiteFiles {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlaybookError(stage: "load", path: root.path, message: "the site folder does not exist")
        }
        var files = SiteFiles()
        let configURL = root.appendingPathComponent(SiteLayout.config)
        if fm.fileExists(atPath: configURL.path) {
            let bytes = try readSettings(SiteLayout.config).bytes
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw PlaybookError(
                    stage: "load", path: "playbook.yml", message: "the config is not valid UTF-8; save it as UTF-8")
            }
            files.config = text
        }
        let contentURL = root.appendingPathComponent("content")
        if !fm.fileExists(atPath: contentURL.path) {
            throw PlaybookError(
                stage: "load", path: "content/",
                message:
                    "no content/ folder in \(root.path); run Playbook in the site root or pass --source DIR")
        }
        let content = try listFiles(under: SiteLayout.content, problems: &files.problems)
        for file in readAll(content, problems: &files.problems) {
            guard let file else { continue }
            if file.path.hasSuffix(".md") {
                files.content.append(file)
            } else {
                files.contentAssets.append(file)
            }
        }
        for relative in try listFiles(under: SiteLayout.templates, problems: &files.problems) {
            let bytes = try readBytes(root.appendingPathComponent(relative), relative: relative)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw PlaybookError(stage: "load", path: relative, message: "the template is not valid UTF-8")
            }
            files.templates[String(relative.dropFirst("templates/".count))] = text
        }
        let staticFiles = try listFiles(under: SiteLayout.staticFiles, problems: &files.problems)
        for case var file? in readAll(staticFiles, problems: &files.problems) {
            file.path = String(file.path.dropFirst("static/".count))
            files.staticFiles.append(file)
        }
        files.problems += interruptedWrites() + linksInRecords()
        if history { files.lastChanged = GitHistory.lastChanged(siteAt: root) }
        return files
    }

    /// Symbolic links among Playbook's own records (`.playbook/`): `status` and `update` never
    /// follow them (a snapshot linked to a private file would print it in a diff); `check` names them.
    func linksInRecords() -> [Diagnostic] {
        var found: [String] = []
        var pending = [".playbook"]
        while let current = pending.popLast() {
            var info = stat()
            guard lstat(root.path + "/" + current, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK: found.append(current)
            case S_IFDIR:
                let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/" + current)) ?? []
                pending += names.map { current + "/" + $0 }
            default: continue
            }
        }
        return found.sorted().map {
            Diagnostic(
                file: $0, line: 1, rule: "source.symlink",
                message: "a symbolic link among Playbook's records (.playbook/); `status` and `update` never follow it",
                hint: "replace the link with the file or folder it stands for, or restore .playbook/ from git")
        }
    }

    /// A `new`, `update` or `init` that was killed after deciding its change left its journal
    /// (`SiteWriteJournal`): the site is part-way until a writing command finishes it.
    func interruptedWrites() -> [Diagnostic] {
        let read = readWithoutLinks(under: SiteWriteJournal.folder)
        return read.files.filter { $0.path.hasSuffix("/" + SiteWriteJournal.fileName) }.compactMap { file in
            guard let journal = SiteWriteJournal.parse(String(decoding: file.bytes, as: UTF8.self)) else { return nil }
            let command = journal.command.isEmpty ? "playbook" : journal.command
            return Diagnostic(
                file: file.path, line: 1, rule: "source.interrupted-write",
                message:
                    "`\(command)` was interrupted after it decided its change: its \(journal.steps.count) files are not all in place yet",
                hint:
                    "run `\(command)` again, or any `playbook new` or `playbook update`: it finishes the interrupted change first"
            )
        }
    }

    /// The site folder holding `url`: the nearest folder, from `url` itself upwards, that has
    /// a `playbook.yml`; nil when none has.
    package static func siteRoot(containing url: URL) -> URL? {
        var folder = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            folder.deleteLastPathComponent()
        }
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("playbook.yml").path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// True when `relative`, symbolic links resolved, names a place inside the site folder.
    package func isInsideSite(_ relative: String) -> Bool {
        isInsideRoot(realPath: Self.realPath(root.appendingPathComponent(relative)))
    }

    /// Reads one file below the root, for the incremental rebuilds of `serve`.
    package func readFile(_ relative: String) throws -> RawFile {
        RawFile(path: relative, bytes: try readBytes(root.appendingPathComponent(relative), relative: relative))
    }

    /// The most a settings or rule file may hold (16 MB): YAML that large is a mistake (a log
    /// or an export saved under the wrong name), and decoding it would take gigabytes.
    package static let settingsLimit = 16 << 20

    /// Reads a settings or rule file, refusing one larger than `settingsLimit` before reading it.
    package func readSettings(_ relative: String) throws -> RawFile {
        try refuseOversizedSettings(relative)
        return try readFile(relative)
    }

    /// Refuses a settings or rule file larger than `settingsLimit`, without reading it.
    package func refuseOversizedSettings(_ relative: String) throws {
        var info = stat()
        if stat(root.appendingPathComponent(relative).path, &info) == 0, Int(info.st_size) > Self.settingsLimit {
            throw PlaybookError(
                stage: "load", path: relative, line: 1,
                message:
                    "the file holds \(Int(info.st_size) >> 20) MB; settings and rule files may hold at most \(Self.settingsLimit >> 20) MB. Check that this is the file you meant (not a log or an export saved under its name)"
            )
        }
    }

    /// Every regular file below `folder` (site-relative), sorted, read without following any
    /// symbolic link: a link on the way to the folder or inside it is listed in `links` and its
    /// target never opened. For Playbook's own records (`.playbook/`), which nothing links into.
    /// Empty when the folder does not exist.
    package func readWithoutLinks(under folder: String) -> (files: [RawFile], links: [String]) {
        var path = ""
        for part in folder.split(separator: "/") {
            path += (path.isEmpty ? "" : "/") + part
            var info = stat()
            guard lstat(root.path + "/" + path, &info) == 0 else { return ([], []) }
            if info.st_mode & S_IFMT == S_IFLNK { return ([], [path]) }
            guard info.st_mode & S_IFMT == S_IFDIR else { return ([], []) }
        }
        var files: [RawFile] = []
        var links: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/" + current)) ?? []
            for name in names.sorted() {
                let relative = current + "/" + name
                var info = stat()
                guard lstat(root.path + "/" + relative, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFLNK: links.append(relative)
                case S_IFDIR: pending.append(relative)
                case S_IFREG:
                    if let data = FileManager.default.contents(atPath: root.path + "/" + relative) {
                        files.append(RawFile(path: relative, bytes: [UInt8](data)))
                    }
                default: links.append(relative)
                }
            }
        }
        return (files.sorted { $0.path < $1.path }, links.sorted())
    }

    /// Every regular file below `folder` (relative to the root), sorted, hidden names skipped.
    package func listFiles(under folder: String) throws -> [String] {
        var problems: [Diagnostic] = []
        return try listFiles(under: folder, problems: &problems)
    }

    /// Every regular file below `folder`, sorted; what cannot be read as a file is a finding.
    ///
    /// Symbolic links are followed once: a link to a folder already being read (`content/a -> .`)
    /// or read before is a loop or a second copy of the site, reported at the link and not
    /// followed; a link that leads out of the site folder is reported and never read, since it
    /// could publish a private file. Named pipes, sockets and devices are reported, never opened.
    func listFiles(under folder: String, problems: inout [Diagnostic]) throws -> [String] {
        let base = root.appendingPathComponent(folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return [] }
        var result: [String] = []
        var visited: Set<String> = [Self.realPath(base)]
        // Linked folders are read after the real ones, so a folder always appears under its own
        // name and a link to it is the one reported.
        var links: [(url: URL, relative: String)] = []
        try walk(base, relative: folder, into: &result, visited: &visited, links: &links, problems: &problems)
        while !links.isEmpty {
            let link = links.removeFirst()
            guard visited.insert(Self.realPath(link.url)).inserted else {
                problems.append(
                    Diagnostic(
                        file: link.relative, line: 1, rule: "source.symlink",
                        message:
                            "the symbolic link leads to a folder that is read already (a loop, or a second copy of it), so it is not followed",
                        hint: "remove the link; to show a folder under two names, link to its pages from a page instead"
                    ))
                continue
            }
            try walk(
                link.url, relative: link.relative, into: &result, visited: &visited, links: &links, problems: &problems)
        }
        return result.sorted()
    }

    private func walk(
        _ url: URL, relative: String, into result: inout [String], visited: inout Set<String>,
        links: inout [(url: URL, relative: String)], problems: inout [Diagnostic]
    ) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            problems.append(
                Diagnostic(
                    file: relative, line: 1, rule: "source.unreadable",
                    message: "cannot read the folder: \(Self.reason(url, error))",
                    hint: "give Playbook permission to read it (`chmod u+rx`), or move it out of the site"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let child = url.appendingPathComponent(name)
            let childRelative = relative + "/" + name
            // lstat first: a site is thousands of plain files, and only links and folders need
            // their real path resolved (component by component, which costs a system call each).
            var own = stat()
            // Gone since the folder was listed: nothing to read.
            guard lstat(child.path, &own) == 0 else { continue }
            let isLink = own.st_mode & S_IFMT == S_IFLNK
            let resolves = isLink || own.st_mode & S_IFMT == S_IFDIR
            let real = resolves ? Self.realPath(child) : ""
            if isLink, !isInsideRoot(realPath: real) {
                problems.append(
                    Diagnostic(
                        file: childRelative, line: 1, rule: "source.symlink",
                        message: "the symbolic link leads out of the site folder, so it is not read",
                        hint: "copy the file into the site, or link to a place inside the site folder"))
                continue
            }
            var status = own
            guard isLink ? stat(child.path, &status) == 0 : true else {
                if isLink {
                    problems.append(
                        Diagnostic(
                            file: childRelative, line: 1, rule: "source.symlink",
                            message: "the symbolic link leads nowhere (its target does not exist)",
                            hint: "fix the link's target or remove the link"))
                }
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                if isLink {
                    links.append((child, childRelative))
                } else if visited.insert(real).inserted {
                    try walk(
                        child, relative: childRelative, into: &result, visited: &visited, links: &links,
                        problems: &problems)
                }
            case S_IFREG:
                result.append(childRelative)
            default:
                problems.append(
                    Diagnostic(
                        file: childRelative, line: 1, rule: "source.unreadable",
                        message: "not a regular file (a named pipe, socket or device), so it is not read",
                        hint: "remove it from the site folder"))
            }
        }
    }

    /// `url`'s path with every symbolic link resolved, in one `realpath` call (Foundation's
    /// resolving makes a system call per component, for each of a network's thousands of
    /// folders); as Foundation gives it where `realpath` cannot (a link that leads nowhere).
    static func realPath(_ url: URL) -> String {
        guard let resolved = realpath(url.path, nil) else {
            return url.resolvingSymlinksInPath().standardizedFileURL.path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func isInsideRoot(realPath: String) -> Bool {
        let base = Self.realPath(root)
        return realPath == base || realPath.hasPrefix(base + "/")
    }

    private static func reason(_ url: URL, _ error: Error) -> String {
        if access(url.path, R_OK) != 0 { return String(cString: strerror(errno)).lowercased() }
        return (error as NSError).localizedDescription
    }

    private func readBytes(_ url: URL, relative: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let reason = access(url.path, R_OK) != 0 ? ": " + String(cString: strerror(errno)).lowercased() : ""
            throw PlaybookError(stage: "load", path: relative, message: "cannot read the file\(reason)")
        }
        return [UInt8](data)
    }

    /// Reads the files found by the walk on all cores, in their order; the findings for those
    /// that cannot be read are added in that order too. A file other than a page that is larger
    /// than `FileOrigin.threshold` is not read: it is copied from disk when the site is written.
    private func readAll(_ relatives: [String], problems: inout [Diagnostic]) -> [RawFile?] {
        var read = [(file: RawFile?, problems: [Diagnostic])](repeating: (nil, []), count: relatives.count)
        read.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: buffer.count) { i in
                var found: [Diagnostic] = []
                base[i].file = readListed(relatives[i], problems: &found)
                base[i].problems = found
            }
        }
        for entry in read { problems += entry.problems }
        return read.map(\.file)
    }

    /// Reads a file found by the walk; one that cannot be read is a finding, not the end of the load.
    private func readListed(_ relative: String, problems: inout [Diagnostic]) -> RawFile? {
        let url = root.appendingPathComponent(relative)
        var info = stat()
        if !relative.hasSuffix(".md"), stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            Int(info.st_size) > FileOrigin.threshold
        {
            #if canImport(Darwin)
                let modified = Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
            #else
                let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            #endif
            return RawFile(
                path: relative, bytes: [],
                origin: FileOrigin(path: url.path, size: Int(info.st_size), modified: modified))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let reason = access(url.path, R_OK) != 0 ? String(cString: strerror(errno)).lowercased() : "read failed"
            problems.append(
                Diagnostic(
                    file: relative, line: 1, rule: "source.unreadable", message: "cannot read the file: \(reason)",
                    hint: "give Playbook permission to read it (`chmod u+r`), or move it out of the site"))
            return nil
        }
        return RawFile(path: relative, bytes: [UInt8](data))
    }
}
