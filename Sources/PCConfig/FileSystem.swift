#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PCDiagnostics

/// The few file operations the commands need, on POSIX calls: a file is read
/// with one `read` into an array sized from `fstat`, with no `String` or
/// `Data` in between, because `fmt` and `validate` read every byte of every
/// configuration file.
public enum FileSystem {
    /// Why an operation failed: the path and the `errno` value.
    public struct Failure: Error, Sendable, Equatable {
        public var path: String
        public var code: Int32

        public init(path: String, code: Int32) {
            self.path = path
            self.code = code
        }

        public static func notFound(path: String) -> Failure { Failure(path: path, code: ENOENT) }

        /// The failure as a diagnostic about `displayPath`.
        public func diagnostic(displayPath: String) -> Diagnostic {
            switch code {
            case ENOENT, ENOTDIR:
                return Diagnostic(
                    code: .fileNotFound,
                    detail: "There is no file or directory at \"\(displayPath)\". Check the path and try again.")
            case EFBIG:
                return Diagnostic(
                    code: .fileTooLarge,
                    detail: "\"\(displayPath)\" is larger than the 4 GiB a configuration file may have.")
            default:
                let reason = String(cString: strerror(code))
                return Diagnostic(
                    code: .fileUnreadable,
                    detail: "Could not read or write \"\(displayPath)\": \(reason).")
            }
        }
    }

    public enum Kind: Sendable, Equatable {
        case file
        case directory
        case missing
        case other
    }

    /// What is at `path`, following symbolic links.
    public static func kind(at path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The whole file.
    public static func readFile(at path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(path: path, code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Failure(path: path, code: errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(Failure(path: path, code: EISDIR)) }
        return readAll(descriptor: descriptor, path: path, sizeHint: Int(info.st_size))
    }

    /// Everything readable from `descriptor` until end of file; `sizeHint`
    /// (from `fstat`) lets a regular file arrive in a single `read`.
    public static func readAll(descriptor: Int32, path: String, sizeHint: Int = 0) -> Result<[UInt8], Failure> {
        var capacity = max(sizeHint + 1, 64 * 1024)
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == capacity {
                capacity *= 2
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + count, capacity - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(path: path, code: errno))
            }
            if got == 0 { break }
            count += got
            if count > SourceFile.maximumSize { return .failure(Failure(path: path, code: EFBIG)) }
        }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }

    /// Replaces the file's contents in place, keeping its permissions,
    /// owner and links, as `terraform fmt` does.
    public static func writeFile(at path: String, bytes: [UInt8], create: Bool = false) -> Result<Void, Failure> {
        let descriptor = create
            ? open(path, O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, 0o644)
            : open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(path: path, code: errno)) }
        var offset = 0
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        let closed = close(descriptor)
        if let failure { return .failure(Failure(path: path, code: failure)) }
        if closed != 0 { return .failure(Failure(path: path, code: errno)) }
        return .success(())
    }

    /// The names in a directory with whether each is a directory, sorted by
    /// their bytes so every run lists files in the same order.
    public static func entries(ofDirectory path: String) -> Result<[(name: String, isDirectory: Bool)], Failure> {
        guard let directory = opendir(path) else { return .failure(Failure(path: path, code: errno)) }
        defer { closedir(directory) }
        var names: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            let isDirectory: Bool
            if type == UInt8(DT_DIR) {
                isDirectory = true
            } else if type == UInt8(DT_REG) {
                isDirectory = false
            } else {
                // Unknown type or a symbolic link: ask about what it points to.
                isDirectory = kind(at: path.hasSuffix("/") ? path + name : path + "/" + name) == .directory
            }
            names.append((name, isDirectory))
        }
        names.sort { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        return .success(names)
    }
}
