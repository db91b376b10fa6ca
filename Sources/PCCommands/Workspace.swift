import Foundation
import PCState

/// Workspaces: several states for one configuration, one selected at a
/// time, as in Terraform. The selection is kept in `.pcplan/environment`
/// (`PCPLAN_WORKSPACE` overrides it); `default` is the state the backend
/// names, and another workspace NAME lives beside it:
///
/// | backend | workspace NAME |
/// |---|---|
/// | local `pcplan.state.db` | `pcplan.state.d/NAME/pcplan.state.db` |
/// | s3 `KEY` | `<workspace_key_prefix>/NAME/KEY` (prefix `env:` unless set) |
enum Workspace {
    static let defaultName = "default"
    static let selectionPath = ".pcplan/environment"

    /// The selected workspace.
    static func current(_ terminal: Terminal) -> String {
        if let chosen = terminal.environment["PCPLAN_WORKSPACE"], !chosen.isEmpty { return chosen }
        guard let text = try? String(contentsOfFile: terminal.resolve(selectionPath), encoding: .utf8) else { return defaultName }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? defaultName : name
    }

    static func select(_ name: String, terminal: Terminal) throws {
        try FileManager.default.createDirectory(atPath: terminal.resolve(".pcplan"), withIntermediateDirectories: true)
        try Data((name + "\n").utf8).write(to: URL(fileURLWithPath: terminal.resolve(selectionPath)))
    }

    /// Why `name` cannot be a workspace name, or nil: it becomes part of a
    /// path and an S3 key.
    static func problem(with name: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !name.isEmpty, name.count <= 90, name.allSatisfy(allowed.contains), name != ".", name != ".." else {
            return "A workspace name is 1 to 90 letters, digits, dashes, underscores and dots; \"\(name)\" is not."
        }
        return nil
    }

    /// The local state file of `workspace` for the default file `path`.
    static func localPath(_ path: String, workspace: String) -> String {
        guard workspace != defaultName else { return path }
        let directory = (path as NSString).deletingLastPathComponent
        let file = (path as NSString).lastPathComponent
        let stem = (file as NSString).deletingPathExtension
        let base = directory.isEmpty ? "" : directory + "/"
        return "\(base)\(stem).d/\(workspace)/\(file)"
    }

    /// The workspaces of a local default state file `path`: `default` and
    /// every directory beside it that holds a state.
    static func localWorkspaces(_ path: String, terminal: Terminal) -> [String] {
        let directory = (path as NSString).deletingLastPathComponent
        let file = (path as NSString).lastPathComponent
        let root = terminal.resolve((directory.isEmpty ? "" : directory + "/") + (file as NSString).deletingPathExtension + ".d")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let existing = names.filter { FileManager.default.fileExists(atPath: root + "/" + $0 + "/" + file) }
        return [defaultName] + existing.sorted()
    }
}
