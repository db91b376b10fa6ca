import PCDiagnostics

/// Which files in a directory are configuration, and in what order.
///
/// Names that start with `.` and editors' scratch files (`name~`, `#name#`)
/// are skipped, as Terraform's loader skips them; entries come in byte
/// order of their names, and with `recursive`, a subdirectory's files are
/// listed where the subdirectory sorts.
public enum ConfigurationFiles {
    /// A file found, as the user would write its path and as it is opened.
    public struct Found: Equatable, Sendable {
        public var displayPath: String
        public var path: String

        public init(displayPath: String, path: String) {
            self.displayPath = displayPath
            self.path = path
        }
    }

    /// Files `fmt` rewrites: configuration and variable definitions.
    public static func isFormattable(_ name: String) -> Bool {
        name.hasSuffix(".pcl") || name.hasSuffix(".pclvars")
    }

    /// Files `validate` reads as configuration.
    public static func isConfiguration(_ name: String) -> Bool {
        name.hasSuffix(".pcl")
    }

    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
    }

    /// The files directly in `directory` (and below it, if `recursive`)
    /// whose names `include` accepts.
    public static func collect(
        displayPath: String,
        path: String,
        recursive: Bool,
        include: (String) -> Bool
    ) -> (files: [Found], problems: [Diagnostic]) {
        var files: [Found] = []
        var problems: [Diagnostic] = []
        walk(displayPath: displayPath, path: path, recursive: recursive, include: include,
             depth: 0, files: &files, problems: &problems)
        return (files, problems)
    }

    private static func walk(
        displayPath: String, path: String, recursive: Bool, include: (String) -> Bool,
        depth: Int, files: inout [Found], problems: inout [Diagnostic]
    ) {
        switch FileSystem.entries(ofDirectory: path) {
        case .failure(let failure):
            problems.append(failure.diagnostic(displayPath: displayPath))
        case .success(let entries):
            for entry in entries where !isIgnored(entry.name) {
                let child = Found(displayPath: join(displayPath, entry.name), path: join(path, entry.name))
                if entry.isDirectory {
                    // A depth bound keeps a symbolic link loop from recursing forever.
                    if recursive, depth < 64 {
                        walk(displayPath: child.displayPath, path: child.path, recursive: true, include: include,
                             depth: depth + 1, files: &files, problems: &problems)
                    }
                } else if include(entry.name) {
                    files.append(child)
                }
            }
        }
    }

    /// `directory/name`, without a leading `./` for the current directory,
    /// so listings read like Terraform's.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory == "." || directory.isEmpty { return name }
        if directory.hasSuffix("/") { return directory + name }
        return directory + "/" + name
    }
}
