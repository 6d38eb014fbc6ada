import Foundation

/// Which `Host` headers the preview answers: only the names it listens on, with its port.
///
/// A page on any web site can make a browser send requests to 127.0.0.1 by pointing a name of
/// its own at that address (DNS rebinding); the browser then sends that name in `Host`. Refusing
/// every name but loopback's and the one given to `--host` keeps such pages from reading the
/// handbook. When listening on every interface (`0.0.0.0`, `::`), any address written as an IP
/// literal is accepted too, since rebinding always needs a name.
/// Unchecked: `port` is read and written only under `lock`; the rest is set once, in `init`.
final class HostFilter: @unchecked Sendable {
    private let names: Set<String>
    private let anyAddress: Bool
    private let lock = NSLock()
    private var port: UInt16 = 0

    init(host: String) {
        let given = host.lowercased()
        var names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        names.insert(given.contains(":") ? "[\(given)]" : given)
        self.names = names
        anyAddress = given == "0.0.0.0" || given == "::" || given == "[::]"
    }

    /// The port the server listens on, known once it has started.
    func listen(on port: UInt16) {
        lock.withLock { self.port = port }
    }

    /// The addresses it answers for, for the refusal's text.
    var expected: [String] {
        let port = lock.withLock { self.port }
        return names.sorted().map { "\($0):\(port)" }
    }

    func allows(_ header: String?) -> Bool {
        guard let header = header?.lowercased(), !header.isEmpty else { return false }
        let port = lock.withLock { self.port }
        var name = Substring(header)
        var given: UInt16?
        if let close = name.lastIndex(of: "]") {
            let rest = name[name.index(after: close)...]
            if rest.hasPrefix(":") {
                guard let number = UInt16(rest.dropFirst()) else { return false }
                given = number
            } else if !rest.isEmpty {
                return false
            }
            name = name[...close]
        } else if let colon = name.lastIndex(of: ":") {
            guard let number = UInt16(name[name.index(after: colon)...]) else { return false }
            given = number
            name = name[..<colon]
        }
        // Without a port the browser means the scheme's default, 80.
        guard (given ?? 80) == port else { return false }
        if name.hasSuffix(".") { name = name.dropLast() }
        if names.contains(String(name)) { return true }
        return anyAddress && Self.isAddressLiteral(name)
    }

    static func isAddressLiteral(_ name: Substring) -> Bool {
        if name.hasPrefix("[") && name.hasSuffix("]") {
            var address = in6_addr()
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &address) == 1
        }
        var address = in_addr()
        return inet_pton(AF_INET, String(name), &address) == 1
    }
}
