import Foundation
import PCConfig
import PCDiagnostics
import PCState

/// Opening the state for a command: the `-state` path (default
/// `pcplan.state.db` in the working directory), with the lock taken for the
/// command's duration when it changes or plans against the state.
struct StateAccess {
    let backend: SQLiteStateBackend
    let lock: LockInfo?

    /// Nil with diagnostics when the state cannot be opened or locked; nil
    /// without diagnostics when `create` is false and there is no state yet.
    static func open(
        path requested: String, terminal: Terminal, create: Bool, lockFor operation: String?, lockTimeout: Double
    ) -> (StateAccess?, [Diagnostic]) {
        let (located, backendDiagnostics) = statePath(requested: requested, terminal: terminal)
        guard let path = located else { return (nil, backendDiagnostics) }
        let resolved = terminal.resolve(path)
        if !create, FileSystem.kind(at: resolved) == .missing { return (nil, []) }
        do {
            let backend = try SQLiteStateBackend(path: resolved, pcplanVersion: VersionCommand.version, create: create)
            var lock: LockInfo?
            if let operation {
                lock = try backend.lock(operation: operation, info: "", timeout: lockTimeout)
            }
            return (StateAccess(backend: backend, lock: lock), [])
        } catch let error as StateError {
            let code: DiagnosticCode = if case .locked = error { .stateLocked } else { .stateUnavailable }
            return (nil, [Diagnostic(code: code, detail: "\(path): \(error.description)")])
        } catch {
            return (nil, [Diagnostic(code: .stateUnavailable, detail: "\(path): \(error)")])
        }
    }

    /// The state file to use: `-state` when given; else the configuration's
    /// `backend "local" { path = … }`; else `pcplan.state.db`. A backend of
    /// another type is an error rather than a silent local state: a team
    /// that declared shared state must not each get a file of their own.
    static func statePath(requested: String, terminal: Terminal) -> (String?, [Diagnostic]) {
        guard requested == SQLiteStateBackend.defaultPath else { return (requested, []) }
        let (backend, diagnostics) = BackendLocator.find(directory: terminal.resolve("."), displayDirectory: ".")
        if diagnostics.hasErrors { return (nil, diagnostics) }
        guard let backend else { return (requested, []) }
        guard backend.type == "local" else {
            return (nil, [Diagnostic(
                code: .unsupportedBackend,
                detail: "This configuration keeps its state in the \"\(backend.type)\" backend, which this version of pcplan does not have. pcplan will not fall back to a local state file, because everyone sharing this configuration would then get one of their own. Use backend \"local\" (or no backend block) to keep the state in a file, or give a state file explicitly with -state=PATH.",
                file: backend.file, subject: backend.typeRange)])
        }
        if let unknown = backend.settings.keys.sorted().first(where: { $0 != "path" }), let attribute = backend.settings[unknown] {
            return (nil, [Diagnostic(
                code: .unsupportedBackend,
                detail: "The local backend takes one setting, path (the state file, relative to the configuration); \"\(unknown)\" is not supported.",
                file: backend.file, subject: attribute.nameRange)])
        }
        guard let attribute = backend.settings["path"] else { return (requested, []) }
        guard let path = backend.string("path"), !path.isEmpty else {
            return (nil, [Diagnostic(
                code: .unsupportedBackend,
                detail: "The local backend's path must be a non-empty string, such as \"state/pcplan.state.db\".",
                file: backend.file, subject: attribute.value.range)])
        }
        return (path, [])
    }

    func release() {
        if let lock { try? backend.unlock(id: lock.id) }
    }
}
