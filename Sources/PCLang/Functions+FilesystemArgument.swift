/// A path argument of the file-reading functions: resolved against the
/// module's directory, and shown in messages only when not sensitive.
struct FileArgument {
    let path: String
    let isSensitive: Bool

    /// The parameter as these functions declare it: they keep the marks
    /// themselves, to leave a sensitive path out of their messages.
    static let parameter = FunctionParameter("path", .string, allowsUnknown: true)

    static func invalid(_ message: String) -> FunctionError {
        FunctionError(argument: 0, "Invalid value for \"path\" parameter: \(message).")
    }

    /// Runs `body` with the path argument unmarked, and marks its result as
    /// the argument was; an unknown path gives an unknown `type`.
    static func withPath(
        _ argument: Value, returning type: ValueType, _ body: (FileArgument) throws(FunctionError) -> Value
    ) throws(FunctionError) -> Value {
        let (value, sensitive) = argument.unmarkedDeepCollapsing()
        guard let path = value.stringValue else { return Value.unknown(type).marked(sensitive: sensitive) }
        return try body(FileArgument(path: path, isSensitive: sensitive)).marked(sensitive: sensitive)
    }

    /// A path for a message: quoted, or hidden when sensitive.
    func shown(_ text: String) -> String {
        isSensitive ? "(sensitive value)" : text.goQuoted
    }

    /// The path made absolute against the module's directory.
    func resolved(_ context: FunctionContext) throws(FunctionError) -> String {
        do {
            return try FilePaths.resolve(path, against: context.baseDirectory)
        } catch {
            throw FileArgument.invalid("failed to expand ~: cannot expand user-specific home dir")
        }
    }

    /// The file's bytes, with `file`'s messages.
    func bytes(_ context: FunctionContext) throws(FunctionError) -> [UInt8] {
        let target = try resolved(context)
        do throws(FileAccess.Failure) {
            return try FileAccess.read(target)
        } catch {
            let location = isSensitive ? "(sensitive value)" : target
            switch error {
            case .notFound:
                throw FileArgument.invalid("no file exists at \(shown(path)); this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource")
            case .open(let reason):
                throw FileArgument.invalid("open \(location): \(reason)")
            case .read(let reason):
                throw FileArgument.invalid("failed to read file: read \(location): \(reason)")
            }
        }
    }

    /// The file's bytes, with the messages of the file hashing functions
    /// (which Terraform words as Go's errors).
    func bytesForHashing(_ context: FunctionContext) throws(FunctionError) -> [UInt8] {
        let target = try resolved(context)
        let location = isSensitive ? "(sensitive value)" : target
        do throws(FileAccess.Failure) {
            return try FileAccess.read(target)
        } catch {
            switch error {
            case .notFound: throw FileArgument.invalid("open \(location): no such file or directory")
            case .open(let reason): throw FileArgument.invalid("open \(location): \(reason)")
            case .read(let reason): throw FileArgument.invalid("read \(location): \(reason)")
            }
        }
    }

    /// The file's content, which must be UTF-8.
    func text(_ context: FunctionContext) throws(FunctionError) -> String {
        let content = try bytes(context)
        let text = String(decoding: content, as: UTF8.self)
        guard text.utf8.elementsEqual(content) else {
            throw FileArgument.invalid("contents of \(shown(path)) are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead")
        }
        return text
    }

    /// Whether a regular file is there; anything else that is there is an
    /// error, as in Terraform.
    func exists(_ context: FunctionContext) throws(FunctionError) -> Bool {
        let target = try resolved(context)
        let name = shown(target)
        switch FileAccess.status(of: target) {
        case .success(.regular): return true
        case .success(.directory): throw FileArgument.invalid("\(name) is a directory, not a file")
        case .success(.device): throw FileArgument.invalid("\(name) is a device node, not a regular file")
        case .success(.namedPipe): throw FileArgument.invalid("\(name) is a named pipe, not a regular file")
        case .success(.socket): throw FileArgument.invalid("\(name) is a unix domain socket, not a regular file")
        case .success(.other): throw FileArgument.invalid("\(name) is not a regular file")
        case .failure(let code):
            if code.isNotFound { return false }
            throw FileArgument.invalid("failed to stat \(name)")
        }
    }
}
