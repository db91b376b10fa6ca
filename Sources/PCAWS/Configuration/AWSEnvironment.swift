import Foundation

/// The process's view of the world that AWS configuration depends on: its
/// environment variables and the home directory `~` stands for. Tests inject
/// their own; `current` reads the real process.
///
/// The variables hold secrets (`AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`),
/// so the textual forms show only the home directory and how many variables
/// there are.
public struct AWSEnvironment: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var variables: [String: String]
    public var homeDirectory: String

    public init(variables: [String: String], homeDirectory: String) {
        self.variables = variables
        self.homeDirectory = homeDirectory
    }

    /// This process's environment; the home directory is `HOME`, or the
    /// account's home directory when `HOME` is unset.
    public static var current: AWSEnvironment {
        let variables = ProcessInfo.processInfo.environment
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        return AWSEnvironment(variables: variables, homeDirectory: home)
    }

    /// The variable's value without surrounding whitespace, or nil when it is
    /// unset or blank: the AWS SDKs treat `AWS_REGION=` as not set, and so
    /// does pcplan.
    public func value(_ name: String) -> String? {
        guard let value = variables[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// `~` and `~/…` resolved against the home directory; other paths as given.
    public func expandingTilde(_ path: String) -> String {
        let home = homeDirectory.count > 1 && homeDirectory.hasSuffix("/") ? String(homeDirectory.dropLast()) : homeDirectory
        if path == "~" { return home }
        if path.hasPrefix("~/") {
            return (home == "/" ? "" : home) + path.dropFirst()
        }
        return path
    }

    /// A path shortened back to `~/…` for messages when it lies under the
    /// home directory.
    func displayPath(_ path: String) -> String {
        let home = homeDirectory.hasSuffix("/") ? String(homeDirectory.dropLast()) : homeDirectory
        if !home.isEmpty, path.hasPrefix(home + "/") {
            return "~" + path.dropFirst(home.count)
        }
        return path
    }

    public var description: String {
        "AWSEnvironment(homeDirectory: \(homeDirectory), variables: \(variables.count) set, values not shown)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["homeDirectory": homeDirectory, "variables": "\(variables.count) set, values not shown"], displayStyle: .struct)
    }
}
