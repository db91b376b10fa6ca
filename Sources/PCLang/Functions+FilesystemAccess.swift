#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading files and asking what a path is, with errors worded as
/// Terraform's (Go's) are: "open PATH: permission denied".
enum FileAccess {
    enum Kind {
        case regular, directory, device, namedPipe, socket, other
    }

    enum Failure: Error {
        /// Nothing exists at the path.
        case notFound
        /// Opening failed otherwise, for this reason ("permission denied").
        case open(String)
        /// Reading failed, for this reason ("is a directory").
        case read(String)
    }

    /// Why a system call failed: its error number.
    struct SystemError: Error {
        let code: Int32
        var isNotFound: Bool { code == ENOENT }
    }

    /// What is at `path`, following symbolic links, or why that cannot be
    /// told.
    static func status(of path: String) -> Result<Kind, SystemError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(SystemError(code: errno)) }
        return .success(kind(mode: UInt32(info.st_mode)))
    }

    /// What is at `path`, following symbolic links; nil when nothing is
    /// (or it cannot be looked at).
    static func kind(of path: String, followingLinks: Bool = true) -> Kind? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        return kind(mode: UInt32(info.st_mode))
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return UInt32(info.st_mode) & UInt32(S_IFMT) == UInt32(S_IFLNK)
    }

    /// The device and inode of a directory, to notice symbolic-link loops.
    static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    private static func kind(mode: UInt32) -> Kind {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): .regular
        case UInt32(S_IFDIR): .directory
        case UInt32(S_IFCHR), UInt32(S_IFBLK): .device
        case UInt32(S_IFIFO): .namedPipe
        case UInt32(S_IFSOCK): .socket
        default: .other
        }
    }

    /// The entries of a directory, without "." and ".."; empty when it
    /// cannot be read (as Go's glob ignores such errors).
    static func entries(of directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The whole content of the file at `path`.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .notFound }
            throw .open(describe(code))
        }
        defer { close(descriptor) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .read(describe(code))
            }
            if count == 0 { break }
            content += chunk[0..<count]
        }
        return content
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// The C library's description of an error number, in Go's lower case.
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let message = String(cString: text)
        guard let first = message.first else { return message }
        return first.lowercased() + message.dropFirst()
    }
}
