#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lexical path operations with the results of Go's `path/filepath` on
/// Unix, which Terraform's filesystem functions are defined by, and the
/// few file-system calls those functions need.
enum FilePaths {
    /// `filepath.Clean`: one slash between elements, no "." elements, ".."
    /// resolved against the element before it where there is one.
    static func clean(_ path: String) -> String {
        let bytes = Array(path.utf8)
        if bytes.isEmpty { return "." }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let rooted = bytes[0] == slash
        let count = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var read = 0, dotdot = 0
        if rooted {
            out.append(slash)
            read = 1
            dotdot = 1
        }
        while read < count {
            if bytes[read] == slash {
                read += 1
            } else if bytes[read] == dot && (read + 1 == count || bytes[read + 1] == slash) {
                read += 1
            } else if bytes[read] == dot && bytes[read + 1] == dot && (read + 2 == count || bytes[read + 2] == slash) {
                read += 2
                if out.count > dotdot {
                    out.removeLast()
                    while out.count > dotdot && out.last != slash { out.removeLast() }
                    // Go keeps the slash before the removed element out of
                    // the buffer's logical length; so does this.
                    if out.count > dotdot, out.last == slash { out.removeLast() }
                } else if !rooted {
                    if !out.isEmpty { out.append(slash) }
                    out += [dot, dot]
                    dotdot = out.count
                }
            } else {
                if (rooted && out.count != 1) || (!rooted && !out.isEmpty) { out.append(slash) }
                while read < count && bytes[read] != slash {
                    out.append(bytes[read])
                    read += 1
                }
            }
        }
        if out.isEmpty { return "." }
        return String(decoding: out, as: UTF8.self)
    }

    /// `filepath.Join`: the non-empty elements joined and cleaned; "" when
    /// all are empty.
    static func join(_ elements: String...) -> String {
        let parts = elements.filter { !$0.isEmpty }
        return parts.isEmpty ? "" : clean(parts.joined(separator: "/"))
    }

    static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// `filepath.Base`: the last element; "." for "", "/" for only slashes.
    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed.isEmpty { return "/" }
        if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
        return String(trimmed)
    }

    /// `filepath.Dir`: all but the last element, cleaned.
    static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return clean(String(path[...slash]))
    }

    /// `filepath.Abs`, against the process's working directory as
    /// Terraform's `abspath` does.
    static func absolute(_ path: String) -> String {
        if isAbsolute(path) { return clean(path) }
        return join(currentDirectory(), path)
    }

    /// `filepath.Rel`, or nil when `target` cannot be made relative to
    /// `base`.
    static func relative(_ target: String, to basePath: String) -> String? {
        var base = Array(clean(basePath).utf8)
        let targ = Array(clean(target).utf8)
        if targ == base { return "." }
        if base == [UInt8(ascii: ".")] { base = [] }
        let slash = UInt8(ascii: "/")
        guard (base.first == slash) == (targ.first == slash) else { return nil }
        var b0 = 0, bi = 0, t0 = 0, ti = 0
        while true {
            while bi < base.count && base[bi] != slash { bi += 1 }
            while ti < targ.count && targ[ti] != slash { ti += 1 }
            if targ[t0..<ti] != base[b0..<bi] { break }
            if bi < base.count { bi += 1 }
            if ti < targ.count { ti += 1 }
            b0 = bi
            t0 = ti
            if bi >= base.count && ti >= targ.count { break }
        }
        if base[b0..<bi].elementsEqual("..".utf8) { return nil }
        if b0 != base.count {
            let separators = base[b0...].filter { $0 == slash }.count
            var result = ".." + String(repeating: "/..", count: separators)
            if t0 != targ.count { result += "/" + String(decoding: targ[t0...], as: UTF8.self) }
            return result
        }
        return String(decoding: targ[t0...], as: UTF8.self)
    }

    enum ExpansionFailure: Error { case userSpecific }

    /// `homedir.Expand`: a leading "~" becomes the home directory; "~user"
    /// is refused.
    static func expandingHome(_ path: String) throws(ExpansionFailure) -> String {
        guard path.hasPrefix("~") else { return path }
        let rest = path.dropFirst()
        if let next = rest.first, next != "/", next != "\\" { throw .userSpecific }
        return join(homeDirectory(), String(rest))
    }

    /// Where a function argument's path points: "~" expanded, relative
    /// paths taken from `base`, cleaned.
    static func resolve(_ path: String, against base: String) throws(ExpansionFailure) -> String {
        let expanded = try expandingHome(path)
        return clean(isAbsolute(expanded) ? expanded : join(base, expanded))
    }

    static func homeDirectory() -> String {
        if let home = getenv("HOME"), home.pointee != 0 { return String(cString: home) }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir { return String(cString: directory) }
        return "/"
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
