import COpenCC
import Foundation
import PlaybookModel

/// An OpenCC configuration, named as OpenCC names its files (`s2twp` is `s2twp.json`).
package enum ScriptConfiguration: String, CaseIterable, Hashable, Sendable {
    /// Simplified → Traditional (OpenCC's own standard).
    case s2t
    /// Traditional → Simplified.
    case t2s
    /// Simplified → Traditional, Taiwan variants.
    case s2tw
    /// Traditional (Taiwan) → Simplified.
    case tw2s
    /// Simplified → Traditional, Taiwan variants and Taiwan phrases (软件 → 軟體).
    case s2twp
    /// Traditional (Taiwan) → Simplified with mainland phrases (軟體 → 软件).
    case tw2sp
    /// Simplified → Traditional, Hong Kong variants.
    case s2hk
    /// Traditional (Hong Kong) → Simplified.
    case hk2s
    /// Traditional → Taiwan variants, and back.
    case t2tw, tw2t
    /// Traditional → Hong Kong variants, and back.
    case t2hk, hk2t

    /// The script the configuration writes.
    package var target: WrittenScript {
        switch self {
        case .t2s, .tw2s, .tw2sp, .hk2s: return .simplified
        default: return .traditional
        }
    }
}

/// Why a conversion could not be set up or run. Each case names the configuration.
package enum ScriptConversionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// OpenCC could not open the configuration: almost always its dictionaries are missing.
    case configurationUnavailable(ScriptConfiguration, reason: String)
    /// OpenCC refused a text it was given.
    case conversionFailed(ScriptConfiguration, reason: String)
    /// A configuration name that OpenCC does not ship.
    case unknownConfiguration(String)

    package var description: String {
        switch self {
        case .configurationUnavailable(let configuration, let reason):
            return
                "cannot open the OpenCC configuration `\(configuration.rawValue)` (\(reason)); install its dictionaries: "
                + "`apt-get install libopencc-data` (Debian, Ubuntu) or `brew install opencc` (macOS)"
        case .conversionFailed(let configuration, let reason):
            return "OpenCC `\(configuration.rawValue)` could not convert a text: \(reason)"
        case .unknownConfiguration(let name):
            let known = ScriptConfiguration.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown OpenCC configuration `\(name)`; use one of: \(known)"
        }
    }
}

/// Converts text with one OpenCC configuration.
///
/// A converter is opened once per process for each configuration (`open(_:)` hands out the same
/// one) and shared by every thread: OpenCC's converter keeps no state between calls and its
/// maintainers test it from many threads (OpenCC issue #231); `ScriptConverterTests` converts
/// from all cores at once through one handle and compares with a one-thread run.
/// Unchecked: `handle` is safe to share, as above; the static caches are touched only under `cacheLock`.
package final class ScriptConverter: @unchecked Sendable {
    package let configuration: ScriptConfiguration
    private let handle: opencc_t

    private init(configuration: ScriptConfiguration, handle: opencc_t) {
        self.configuration = configuration
        self.handle = handle
    }

    deinit { opencc_close(handle) }

    /// The process's converter for `configuration`, opened on first use.
    package static func open(_ configuration: ScriptConfiguration) throws -> ScriptConverter {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let open = cache[configuration] { return open }
        let converter = try load(configuration, file: configuration.rawValue + ".json")
        cache[configuration] = converter
        return converter
    }

    /// A new converter from an OpenCC configuration file: a bare name is looked up in OpenCC's
    /// data folder, a path is read as is.
    static func load(_ configuration: ScriptConfiguration, file: String) throws -> ScriptConverter {
        // OpenCC signals failure with the handle value -1, not NULL.
        guard let handle = opencc_open(file), Int(bitPattern: handle) != -1 else {
            throw ScriptConversionError.configurationUnavailable(configuration, reason: lastError())
        }
        return ScriptConverter(configuration: configuration, handle: handle)
    }

    /// The converter for a configuration named in `playbook.yml`, reading `phrases` (the site's
    /// own, `editions.phrases`) and then Playbook's domain phrases (`EditionPhrase.domain`) ahead
    /// of OpenCC's general ones.
    /// With `domain` false, Playbook's domain phrases are left out (`editions.domainPhrases`).
    package static func open(named name: String, phrases: [EditionPhrase], domain: Bool = true) throws
        -> ScriptConverter
    {
        guard let configuration = ScriptConfiguration(rawValue: name) else {
            throw ScriptConversionError.unknownConfiguration(name)
        }
        if !domain && phrases.isEmpty { return try open(configuration) }
        return try open(configuration, phrases: phrases, domain: domain)
    }

    /// The process's converter for `configuration` with `phrases` and then the domain phrases
    /// read ahead of OpenCC's own (see `PhraseDictionary`), opened on first use.
    package static func open(_ configuration: ScriptConfiguration, phrases: [EditionPhrase], domain: Bool = true) throws
        -> ScriptConverter
    {
        let dictionary = PhraseDictionary(configuration, phrases: phrases + (domain ? EditionPhrase.domain : []))
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let open = phraseCache[dictionary] { return open }
        let converter = try load(dictionary)
        phraseCache[dictionary] = converter
        return converter
    }

    /// A new converter for `dictionary`: the configuration and its two dictionaries are written
    /// to a folder of their own, opened (OpenCC reads every dictionary into memory as it opens),
    /// and the folder removed.
    static func load(_ dictionary: PhraseDictionary) throws -> ScriptConverter {
        let configuration = dictionary.configuration
        guard
            let data = PhraseDictionary.dataFolders.first(where: {
                FileManager.default.fileExists(atPath: "\($0)/\(configuration.rawValue).json")
            })
        else {
            throw ScriptConversionError.configurationUnavailable(
                configuration,
                reason: "\(configuration.rawValue).json is in none of "
                    + PhraseDictionary.dataFolders.joined(separator: ", "))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "playbook-opencc-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let first = folder.appendingPathComponent("phrases.txt")
            let keeping = folder.appendingPathComponent("keeping.txt")
            let json = folder.appendingPathComponent("\(configuration.rawValue).json")
            let files = try dictionary.files(dataFolder: data, firstFile: first.path, keepingFile: keeping.path)
            try Data(files.first.utf8).write(to: first)
            try Data(files.keeping.utf8).write(to: keeping)
            try files.configuration.write(to: json)
            return try load(configuration, file: json.path)
        } catch let error as ScriptConversionError {
            throw error
        } catch {
            throw ScriptConversionError.configurationUnavailable(configuration, reason: "\(error)")
        }
    }

    nonisolated(unsafe) private static var cache: [ScriptConfiguration: ScriptConverter] = [:]
    nonisolated(unsafe) private static var phraseCache: [PhraseDictionary: ScriptConverter] = [:]
    private static let cacheLock = NSLock()

    /// `text`, converted phrase by phrase.
    package func convert(_ text: String) throws -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var text = text
        return try text.withUTF8 { bytes -> String in
            guard let start = bytes.baseAddress else { return "" }
            let input = UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)
            guard let output = opencc_convert_utf8(handle, input, bytes.count) else {
                throw ScriptConversionError.conversionFailed(configuration, reason: Self.lastError())
            }
            defer { opencc_convert_utf8_free(output) }
            return String(cString: output)
        }
    }

    /// Each of `texts`, converted, in one call into OpenCC. A line break ends every phrase in
    /// OpenCC's dictionaries, so texts joined by line breaks convert as they would one by one.
    package func convert(_ texts: [String]) throws -> [String] {
        guard !texts.isEmpty else { return [] }
        let joined = try convert(texts.joined(separator: "\n"))
        var lines = joined.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var out: [String] = []
        out.reserveCapacity(texts.count)
        for text in texts {
            let count = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            guard lines.count >= count else {
                throw ScriptConversionError.conversionFailed(configuration, reason: "line breaks were not kept")
            }
            out.append(lines.prefix(count).joined(separator: "\n"))
            lines = lines.dropFirst(count)
        }
        return out
    }

    private static func lastError() -> String {
        guard let message = opencc_error() else { return "no reason given" }
        let text = String(cString: message)
        return text.isEmpty ? "no reason given" : text
    }
}
